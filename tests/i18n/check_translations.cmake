# Every message of a .ts file is translated and still in the sources: runs lupdate over the
# sources into a copy of the file (without -no-obsolete) and fails if the copy has any message
# that is unfinished (new in the sources, or never translated) or vanished/obsolete (no longer in
# the sources). The .ts in the tree is not touched; `cmake --build <dir> --target
# update_translations` is what refreshes it.
#
#   cmake -DLUPDATE=<lupdate> -DSOURCES=<file listing the sources, one a line>
#         -DINCLUDES=<dir;dir> -DTS_FILE=<file.ts> [-DPLURAL_ONLY=ON] -DWORK_DIR=<dir>
#         -P check_translations.cmake
foreach(var LUPDATE SOURCES TS_FILE WORK_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "${var} is not set")
    endif()
endforeach()

get_filename_component(name ${TS_FILE} NAME)
file(MAKE_DIRECTORY ${WORK_DIR})
set(copy ${WORK_DIR}/${name})
file(COPY_FILE ${TS_FILE} ${copy})
set(include_args)
foreach(dir ${INCLUDES})
    list(APPEND include_args -I ${dir})
endforeach()
set(options -locations none)
if(PLURAL_ONLY)
    list(APPEND options -pluralonly)
endif()
execute_process(COMMAND ${LUPDATE} ${options} ${include_args} @${SOURCES} -ts ${copy}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${rc}):\n${out}")
endif()

file(READ ${copy} ts)
string(REGEX MATCHALL "<message[^>]*>" messages "${ts}")
list(LENGTH messages total)
if(total EQUAL 0)
    message(FATAL_ERROR "${name}: no message at all")
endif()
set(problems "")
foreach(type unfinished vanished obsolete)
    string(REGEX MATCHALL "<translation[^>]* type=\"${type}\"" marks "${ts}")
    list(LENGTH marks count)
    if(count GREATER 0)
        string(APPEND problems "\n${count} ${type}:")
        # Their source texts, for the report (best effort).
        # A ';' (as in "&amp;") would split the list: swapped out and back.
        string(REPLACE ";" "@SEMICOLON@" listable "${ts}")
        string(REGEX MATCHALL "<source>[^<]*</source>[^<]*<translation[^>]* type=\"${type}\"" found
               "${listable}")
        foreach(f ${found})
            string(REGEX MATCH "^<source>[^<]*" source "${f}")
            string(SUBSTRING "${source}" 8 -1 source)
            string(REPLACE "@SEMICOLON@" ";" source "${source}")
            string(APPEND problems "\n  ${source}")
        endforeach()
    endif()
endforeach()
if(problems)
    message(FATAL_ERROR "${name} (${total} messages) is not complete; run the update_translations "
                        "target and translate:${problems}")
endif()
message(STATUS "${name}: ${total} messages, all finished, none vanished")
