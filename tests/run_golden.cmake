# Renders one frame of a replay and compares it with a golden PNG. On a
# mismatch the actual frame and a diff image are left in the build tree.
#   cmake -DUNSAID=... -DIMGDIFF=... -DREPLAY=... -DAT=... -DGOLDEN=... -DOUT=... -P run_golden.cmake
get_filename_component(name ${GOLDEN} NAME_WE)
set(actual ${OUT}/${name}.actual.png)
set(diff ${OUT}/${name}.diff.png)
file(MAKE_DIRECTORY ${OUT})
set(args --screenshot ${actual} --at ${AT})
if(REPLAY)
  list(APPEND args --replay ${REPLAY})
endif()
execute_process(COMMAND ${UNSAID} ${args} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "screenshot failed (${rc}):\n${err}")
endif()
execute_process(COMMAND ${IMGDIFF} ${GOLDEN} ${actual} ${diff} RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${err}")
endif()
