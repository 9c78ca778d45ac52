#include "vodtestserver.h"
