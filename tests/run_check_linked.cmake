# run_check.cmake for a pack whose LINK (e.g. pack.yaml) is a symbolic link
# to TARGET. Links do not travel well through git checkouts and source
# archives, so the test copies the pack under WORK and makes the link there.
#   cmake -DUNSAID=... -DSRC=... -DWORK=... -DPACKS=name -DLINK=pack.yaml -DTARGET=manifest.yaml
#         -DEXPECTED=... -DRC=... -P run_check_linked.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/tests/data/packs)
file(COPY ${SRC}/tests/data/packs/${PACKS} DESTINATION ${WORK}/tests/data/packs)
file(CREATE_LINK ${TARGET} ${WORK}/tests/data/packs/${PACKS}/${LINK} SYMBOLIC)
set(SRC ${WORK})
include(${CMAKE_CURRENT_LIST_DIR}/run_check.cmake)
