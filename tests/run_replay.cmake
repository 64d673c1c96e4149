# Plays a replay headless twice and checks both --print-score lines against
# the expected file: the same input must always give the same result.
#   cmake -DUNSAID=... -DREPLAY=... -DEXPECTED=... -P run_replay.cmake
foreach(run 1 2)
  execute_process(COMMAND ${UNSAID} --headless --replay ${REPLAY} --print-score
                  OUTPUT_VARIABLE out${run} ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "run ${run} exited with ${rc}:\n${err}")
  endif()
endforeach()
file(READ ${EXPECTED} want)
if(NOT out1 STREQUAL want)
  message(FATAL_ERROR "score differs from ${EXPECTED}\nexpected: ${want}got:      ${out1}")
endif()
if(NOT out2 STREQUAL out1)
  message(FATAL_ERROR "two runs of the same replay disagree:\n${out1}${out2}")
endif()
message(STATUS "${out1}")
