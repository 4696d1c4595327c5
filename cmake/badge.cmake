# Badge files: mastery_badge (fonts via stb_truetype, the PNG rasteriser, PNG encode/decode
# via stb_image_write/stb_image, Open Badges 3.0 credentials and PNG baking) and its tests.
# The design document, geometry and SVG live in the core (src/core/badge*.cpp).
# stb comes from Debian's libstb-dev at build time; nothing of it is committed.

find_path(STB_INCLUDE_DIR stb/stb_truetype.h PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH)
if(NOT STB_INCLUDE_DIR)
  message(WARNING "badges: stb headers not found (apt-get install libstb-dev); mastery_badge is not built")
  return()
endif()

if(EMSCRIPTEN)
  # Emscripten's sysroot cannot see /usr/include: stage only the stb headers we use.
  set(_stb_stage ${CMAKE_BINARY_DIR}/_stb_include)
  foreach(_h stb_truetype.h stb_rect_pack.h stb_image_write.h stb_image.h)
    file(COPY ${STB_INCLUDE_DIR}/stb/${_h} DESTINATION ${_stb_stage}/stb)
  endforeach()
  set(MASTERY_STB_INCLUDE ${_stb_stage})
else()
  set(MASTERY_STB_INCLUDE ${STB_INCLUDE_DIR})
endif()

# The icon table is compiled in, so the CLI and the app need no asset file for it.
set(_icons_json ${CMAKE_SOURCE_DIR}/assets/badges/icons.json)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_icons_json} ${CMAKE_SOURCE_DIR}/src/badge/icons.cpp.in)
file(READ ${_icons_json} MASTERY_ICONS_JSON)
configure_file(${CMAKE_SOURCE_DIR}/src/badge/icons.cpp.in ${CMAKE_BINARY_DIR}/generated/badge_icons.cpp @ONLY)

# stb_truetype's (and stb_rect_pack's) implementation, once: the badge outlines and ImGui's
# font atlas share it.
add_library(mastery_stbtt STATIC ${CMAKE_SOURCE_DIR}/src/badge/stb/truetype.cpp)
target_include_directories(mastery_stbtt SYSTEM PUBLIC ${MASTERY_STB_INCLUDE})
target_compile_options(mastery_stbtt PRIVATE -w)

file(GLOB MASTERY_BADGE_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/badge/*.cpp)
add_library(mastery_badge STATIC ${MASTERY_BADGE_SOURCES} ${CMAKE_BINARY_DIR}/generated/badge_icons.cpp)
target_include_directories(mastery_badge PUBLIC ${CMAKE_SOURCE_DIR}/src/badge)
target_include_directories(mastery_badge SYSTEM PRIVATE ${MASTERY_STB_INCLUDE})
target_link_libraries(mastery_badge PUBLIC mastery_core PRIVATE mastery_stbtt)

# --- badge tests (native): PNG, fonts, baking, credentials, poster ---------------------------------
if(NOT EMSCRIPTEN)
  find_package(ZLIB)  # only to check our hand-written CRC-32 against zlib's
  file(GLOB MASTERY_BADGE_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/badge/*.cpp)
  add_executable(badge_tests ${MASTERY_BADGE_TESTS})
  target_link_libraries(badge_tests PRIVATE mastery_badge)
  target_include_directories(badge_tests SYSTEM PRIVATE ${DOCTEST_INCLUDE_DIR} ${MASTERY_STB_INCLUDE})
  target_compile_definitions(badge_tests PRIVATE MASTERY_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  # expat (libexpat1-dev) reads the poster SVG back as XML: a real parser, not ours.
  find_package(EXPAT REQUIRED)
  target_link_libraries(badge_tests PRIVATE EXPAT::EXPAT)
  if(ZLIB_FOUND)
    target_link_libraries(badge_tests PRIVATE ZLIB::ZLIB)
    target_compile_definitions(badge_tests PRIVATE MASTERY_HAVE_ZLIB=1)
  endif()
  add_test(NAME badge_tests COMMAND badge_tests)
endif()

# `mastery badges` end to end (the CLI target is defined after this file is included).
if(NOT EMSCRIPTEN)
  add_test(NAME badge_cli COMMAND ${CMAKE_SOURCE_DIR}/tests/badge/cli.sh $<TARGET_FILE:mastery> ${CMAKE_SOURCE_DIR})
endif()
