# Runs the game with ARGS and checks its exit status and that its output
# contains each expected string (EXPECT, a ;-list).
#   cmake -DUNSAID=... -DARGS=... -DRC=... -DEXPECT=... [-DDATA_DIR=...] -P run_cli.cmake
if(DATA_DIR)
  set(ENV{UNSAID_DATA_DIR} ${DATA_DIR})
endif()
separate_arguments(args UNIX_COMMAND "${ARGS}")
execute_process(COMMAND ${UNSAID} ${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc STREQUAL RC)
  message(FATAL_ERROR "exit status ${rc}, expected ${RC}\nstdout: ${out}\nstderr: ${err}")
endif()
foreach(want IN LISTS EXPECT)
  string(FIND "${out}${err}" "${want}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "output lacks \"${want}\"\nstdout: ${out}\nstderr: ${err}")
  endif()
endforeach()
