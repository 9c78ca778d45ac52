# The man page (packaging/vodconfirm.1.in) and the bash completion
# (packaging/vodconfirm.bash-completion) name every command and option the binary's --help lists,
# and the completion offers the regions the binary knows:
#   cmake -DBINARY=PATH -DMAN_PAGE=PATH -DCOMPLETION=PATH -P documented_options.cmake
file(READ ${MAN_PAGE} man)
file(READ ${COMPLETION} completion)
set(missing "")

execute_process(COMMAND ${BINARY} --help OUTPUT_VARIABLE help ERROR_VARIABLE help)
string(REGEX MATCHALL "\n  ([a-z]+)   " command_lines "${help}")
set(commands "")
foreach(line IN LISTS command_lines)
    string(STRIP "${line}" command)
    list(APPEND commands ${command})
endforeach()
if(NOT commands)
    message(FATAL_ERROR "${BINARY} --help lists no commands:\n${help}")
endif()

foreach(command IN LISTS commands)
    if(NOT man MATCHES "\n\\.BR? ${command}[ \n]")
        list(APPEND missing "man page: command ${command}")
    endif()
    if(NOT completion MATCHES "commands=\"[^\"]*${command}")
        list(APPEND missing "completion: command ${command}")
    endif()
    execute_process(COMMAND ${BINARY} ${command} --help OUTPUT_VARIABLE command_help
                    RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "${BINARY} ${command} --help exited with ${result}")
    endif()
    string(REGEX MATCHALL "--[a-z][a-z-]*" options "${command_help}")
    list(REMOVE_DUPLICATES options)
    foreach(option IN LISTS options)
        string(REPLACE "-" "\\\\-" roff "${option}")
        if(NOT man MATCHES "${roff}")
            list(APPEND missing "man page: ${command} ${option}")
        endif()
        if(NOT completion MATCHES "${option}[ \n\"]")
            list(APPEND missing "completion: ${command} ${option}")
        endif()
    endforeach()
endforeach()

# "Unknown region "x". VOD regions: a, b, c. Use --endpoint ..."
execute_process(COMMAND ${BINARY} confirm --region not-a-region INPUT_FILE /dev/null
                OUTPUT_QUIET ERROR_VARIABLE region_error)
if(NOT region_error MATCHES "VOD regions: ([a-z0-9, -]+)\\.")
    message(FATAL_ERROR "no region list in: ${region_error}")
endif()
string(REPLACE ", " " " regions "${CMAKE_MATCH_1}")
if(NOT completion MATCHES "_vodconfirm_regions=\"${regions}\"")
    list(APPEND missing "completion: _vodconfirm_regions=\"${regions}\"")
endif()

if(missing)
    list(JOIN missing "\n  " text)
    message(FATAL_ERROR "Not documented (${BINARY}):\n  ${text}")
endif()
