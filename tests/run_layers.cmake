# The layers of docs/architecture.md, checked on every #include:
# - the core's folders depend one way: util, body, content, persist, play,
#   each on those before it only;
# - a folder's private headers (its header's "Private to the folder:" line)
#   are included from that folder only;
# - render and platform reach the core through the five folder headers
#   (util.h, body.h, content.h, persist.h, play.h) and nothing else;
# - the core includes no SDL, no clock and no file system.
#
# usage: cmake -DSRC=SOURCE_DIR -P run_layers.cmake
cmake_minimum_required(VERSION 3.16)
set(order util body content persist play)
set(problems "")

# Where each core header lives, and which are private.
set(private "")
foreach(folder ${order})
  file(GLOB headers RELATIVE ${SRC}/src/core/${folder} ${SRC}/src/core/${folder}/*.h)
  foreach(h ${headers})
    set(home_${h} ${folder})
  endforeach()
  file(READ ${SRC}/src/core/${folder}/${folder}.h umbrella)
  if(umbrella MATCHES "Private to the folder: ([a-z_., ]+)\\.")
    string(REGEX MATCHALL "[a-z_]+\\.h" names "${CMAKE_MATCH_1}")
    list(APPEND private ${names})
  endif()
endforeach()

function(includes_of file out)
  file(STRINGS ${file} lines REGEX "^#include")
  set(${out} "${lines}" PARENT_SCOPE)
endfunction()

# The core, folder by folder.
set(rank 0)
foreach(folder ${order})
  file(GLOB sources ${SRC}/src/core/${folder}/*.c ${SRC}/src/core/${folder}/*.h)
  foreach(f ${sources})
    file(RELATIVE_PATH rel ${SRC} ${f})
    includes_of(${f} lines)
    foreach(line ${lines})
      if(line MATCHES "^#include <(SDL[^>]*|time\\.h|sys/time\\.h|dirent\\.h|unistd\\.h|physfs\\.h)>")
        string(APPEND problems "${rel}: the core must not include <${CMAKE_MATCH_1}>: SDL, the clock and files belong to the platform\n")
      elseif(line MATCHES "^#include \"([a-z_]+\\.h)\"")
        set(h ${CMAKE_MATCH_1})
        set(home ${home_${h}})
        if(NOT home)
          string(APPEND problems "${rel}: includes ${h}, which is not a core header\n")
        elseif(NOT home STREQUAL folder)
          list(FIND order ${home} their_rank)
          if(their_rank GREATER rank)
            string(APPEND problems "${rel}: ${folder} includes ${h} from ${home}, a folder above it (order: ${order})\n")
          endif()
          if(h IN_LIST private)
            string(APPEND problems "${rel}: includes ${h}, which is private to ${home}\n")
          endif()
        endif()
      endif()
    endforeach()
  endforeach()
  math(EXPR rank "${rank} + 1")
endforeach()

# Render and platform: the folder headers only.
file(GLOB outside ${SRC}/src/render/*.c ${SRC}/src/render/*.h ${SRC}/src/platform/*.c ${SRC}/src/platform/*.h)
foreach(f ${outside})
  file(RELATIVE_PATH rel ${SRC} ${f})
  includes_of(${f} lines)
  foreach(line ${lines})
    if(line MATCHES "^#include \"([a-z_]+\\.h)\"")
      set(h ${CMAKE_MATCH_1})
      if(home_${h} AND NOT h STREQUAL "${home_${h}}.h")
        string(APPEND problems "${rel}: includes ${h}; outside the core, include ${home_${h}}.h instead\n")
      endif()
    endif()
  endforeach()
endforeach()

if(problems)
  message(FATAL_ERROR "The layers are crossed:\n${problems}")
endif()
message(STATUS "layers: the core's five folders depend one way; render and platform use their headers")
