# --write-schema DIR without a display, with the example packs of
# docs/examples and a broken pack in the user's packs folder: one line for
# each schema written, the broken pack named, and the schemas must pass
# validate_schema.py --schemas (they know every name, refuse misspelt ones
# and describe each).
#   cmake -DUNSAID=... -DPYTHON=... -DSRC=SOURCE_DIR -DWORK=DIR -P run_write_schema.cmake
file(REMOVE_RECURSE ${WORK})
file(GLOB examples LIST_DIRECTORIES true ${SRC}/docs/examples/packs/*)
file(COPY ${examples} ${SRC}/tests/data/packs/scene_errors DESTINATION ${WORK}/unsaid/packs)
set(ENV{XDG_DATA_HOME} ${WORK})
unset(ENV{DISPLAY})
unset(ENV{WAYLAND_DISPLAY})
execute_process(COMMAND ${UNSAID} --headless --write-schema ${WORK}/schema
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "exit status ${rc}\nstdout: ${out}\nstderr: ${err}")
endif()
file(GLOB shipped RELATIVE ${SRC}/docs/schema ${SRC}/docs/schema/*.schema.json)
foreach(name ${shipped})
  string(FIND "${out}" "Wrote ${WORK}/schema/${name}" at)
  if(at EQUAL -1 OR NOT EXISTS ${WORK}/schema/${name})
    message(FATAL_ERROR "${name} was not written, or not said\nstdout: ${out}")
  endif()
endforeach()
foreach(want "Wrote ${WORK}/schema/scene.schema.json: the names of "
             "packs/scene_errors has errors, so the game sets it aside"
             "unsaid --check '${WORK}/unsaid/packs/scene_errors'")
  string(FIND "${out}${err}" "${want}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "output lacks \"${want}\"\nstdout: ${out}\nstderr: ${err}")
  endif()
endforeach()
# What loaded of the broken pack is named: its scene bad_mark.
file(READ ${WORK}/schema/scene.schema.json scene)
string(FIND "${scene}" "\"bad_mark\"" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the scene of the broken pack is not named in ${WORK}/schema/scene.schema.json")
endif()
execute_process(COMMAND ${PYTHON} ${SRC}/tests/validate_schema.py ${SRC} --schemas ${WORK}/schema
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "validate_schema.py --schemas: exit status ${rc}\n${out}${err}")
endif()
message(STATUS "${out}")
