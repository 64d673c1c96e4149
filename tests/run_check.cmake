# Runs `unsaid --check` on packs from the source tree and compares its whole
# output with the expected file, and its exit status with RC.
#   cmake -DUNSAID=... -DSRC=... -DPACKS=a+b -DEXPECTED=... -DRC=... -P run_check.cmake
set(args)
string(REPLACE "+" ";" PACKS "${PACKS}")
foreach(p IN LISTS PACKS)
  list(APPEND args tests/data/packs/${p})
endforeach()
execute_process(COMMAND ${UNSAID} --check ${args} WORKING_DIRECTORY ${SRC}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
file(READ ${EXPECTED} want)
if(NOT out STREQUAL want)
  message(FATAL_ERROR "checker output differs from ${EXPECTED}\n--- expected\n${want}--- got\n${out}${err}")
endif()
if(NOT rc STREQUAL RC)
  message(FATAL_ERROR "exit status ${rc}, expected ${RC}\n${err}")
endif()
