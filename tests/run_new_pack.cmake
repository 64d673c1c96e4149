# --new-pack writes a pack that passes the checker and plays once installed
# in the user's packs folder; it never writes over an existing folder.
#   cmake -DUNSAID=... -DOUT=... -DUSERDATA=... -DSHOT=... -P run_new_pack.cmake
file(REMOVE_RECURSE ${OUT})
execute_process(COMMAND ${UNSAID} --new-pack ${OUT}/Class_7B RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "--new-pack failed (${rc}): ${err}")
endif()
execute_process(COMMAND ${UNSAID} --check ${OUT}/Class_7B RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "checked 1 pack: 0 errors, 0 warnings")
  message(FATAL_ERROR "the new pack does not pass the checker (${rc}):\n${out}")
endif()
execute_process(COMMAND ${UNSAID} --new-pack ${OUT}/Class_7B RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "--new-pack wrote into an existing pack (${rc})")
endif()
# Installed as a user pack, its scene plays by id. The user folder is this
# test's own, so tests running at the same time never see the pack.
set(ENV{XDG_DATA_HOME} ${USERDATA})
set(ENV{HOME} ${USERDATA})
file(REMOVE_RECURSE ${USERDATA}/unsaid/packs/class_7b)
file(COPY ${OUT}/Class_7B/ DESTINATION ${USERDATA}/unsaid/packs/class_7b)
execute_process(COMMAND ${UNSAID} --scene class_7b-first-scene --screenshot ${SHOT} --at 5
                RESULT_VARIABLE rc ERROR_VARIABLE err)
file(REMOVE_RECURSE ${USERDATA}/unsaid/packs/class_7b)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the installed pack's scene does not start (${rc}): ${err}")
endif()
