# --record writes a replay that plays back to the same result: play a
# replay while recording, then play the recording.
#   cmake -DUNSAID=... -DREPLAY=... -DOUT=... -P run_record.cmake
execute_process(COMMAND ${UNSAID} --headless --replay ${REPLAY} --record ${OUT} --print-score
                OUTPUT_VARIABLE first RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "recording run failed (${rc}): ${err}")
endif()
execute_process(COMMAND ${UNSAID} --headless --replay ${OUT} --print-score
                OUTPUT_VARIABLE second RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "playing the recording failed (${rc}): ${err}")
endif()
if(NOT first STREQUAL second)
  message(FATAL_ERROR "the recording plays back differently:\n${first}${second}")
endif()
message(STATUS "${second}")
