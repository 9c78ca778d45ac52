#pragma once
// Placeholder: the loopback VOD server is being written.
