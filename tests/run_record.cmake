# --record writes a replay that plays back to the same result: play a
# replay (or --play steps in a scene) while recording, then play the
# recording. EXPECT, when given, must be in the result.
#   cmake -DUNSAID=... -DREPLAY=... -DOUT=... -P run_record.cmake
#   cmake -DUNSAID=... -DSCENE=... -DPLAY=... -DOUT=... [-DEXPECT=...] -P run_record.cmake
if(PLAY)
  set(source --scene ${SCENE} --play ${PLAY})
else()
  set(source --replay ${REPLAY})
endif()
execute_process(COMMAND ${UNSAID} --headless ${source} --record ${OUT} --print-score
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
if(EXPECT)
  string(FIND "${second}" "${EXPECT}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the result lacks \"${EXPECT}\": ${second}")
  endif()
endif()
message(STATUS "${second}")
