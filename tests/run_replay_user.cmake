# Plays a replay against a user data folder made for the test, and checks
# what it printed, its exit status, and that the folder was left as it was.
#   cmake -DUNSAID=... -DWORK=dir -DARGS="..." -DRC=0
#         [-DUSER_PACKS=a+b] [-DDISABLED=packs/x] [-DEXPECT=a|b] [-DSCORE=file]
#         [-DRECORD=line] -P run_replay_user.cmake
# USER_PACKS ('+'-separated folders and zips) are installed as the user's
# packs; DISABLED is written to disabled-packs.txt as the player's choice.
# EXPECT: strings the output must contain, separated by '|'. SCORE: a file stdout must equal.
# RECORD: the run also records (--record) and the recording must hold this
# line and play back to the same output.
set(xdg ${WORK}/xdg)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${xdg})
if(USER_PACKS)
  file(MAKE_DIRECTORY ${xdg}/unsaid/packs)
  string(REPLACE "+" ";" USER_PACKS "${USER_PACKS}")
  foreach(p IN LISTS USER_PACKS)
    file(COPY ${p} DESTINATION ${xdg}/unsaid/packs)
  endforeach()
endif()
if(DISABLED)
  file(WRITE ${xdg}/unsaid/disabled-packs.txt "${DISABLED}\n")
endif()

# Every file and folder under the user folder, with each file's hash.
function(snapshot out)
  file(GLOB_RECURSE entries LIST_DIRECTORIES true RELATIVE ${xdg} ${xdg}/*)
  list(SORT entries)
  set(s "")
  foreach(e IN LISTS entries)
    if(IS_DIRECTORY ${xdg}/${e})
      string(APPEND s "${e}/\n")
    else()
      file(SHA256 ${xdg}/${e} h)
      string(APPEND s "${e} ${h}\n")
    endif()
  endforeach()
  set(${out} "${s}" PARENT_SCOPE)
endfunction()
snapshot(before)

set(ENV{XDG_DATA_HOME} ${xdg})
set(ENV{HOME} ${xdg})
separate_arguments(args UNIX_COMMAND "${ARGS}")
if(RECORD)
  list(APPEND args --record ${WORK}/recorded.replay)
endif()
execute_process(COMMAND ${UNSAID} ${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc STREQUAL RC)
  message(FATAL_ERROR "exit status ${rc}, expected ${RC}\nstdout: ${out}\nstderr: ${err}")
endif()
string(REPLACE "|" ";" EXPECT "${EXPECT}")
foreach(want IN LISTS EXPECT)
  string(FIND "${out}${err}" "${want}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "output lacks \"${want}\"\nstdout: ${out}\nstderr: ${err}")
  endif()
endforeach()
if(SCORE)
  file(READ ${SCORE} want)
  if(NOT out STREQUAL want)
    message(FATAL_ERROR "score differs from ${SCORE}\nexpected: ${want}got:      ${out}\n${err}")
  endif()
endif()

snapshot(after)
if(NOT after STREQUAL before)
  message(FATAL_ERROR "the user data folder changed\n--- before\n${before}--- after\n${after}")
endif()

if(RECORD)
  file(STRINGS ${WORK}/recorded.replay lines)
  list(FIND lines "${RECORD}" at)
  if(at EQUAL -1)
    file(READ ${WORK}/recorded.replay text)
    message(FATAL_ERROR "the recording lacks the line \"${RECORD}\":\n${text}")
  endif()
  execute_process(COMMAND ${UNSAID} --headless --print-score --replay ${WORK}/recorded.replay
                  RESULT_VARIABLE rc OUTPUT_VARIABLE again ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT again STREQUAL out)
    message(FATAL_ERROR "the recording plays back differently (${rc}):\n${out}${again}${err}")
  endif()
endif()
message(STATUS "${out}")
