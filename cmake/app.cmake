# The app: Dear ImGui (from IMGUI_DIR), the app layer (store, prefs, strings), the views,
# and per platform either the web executable (Emscripten: site in build/web/site) or the
# native headless UI tests. Included by the top-level CMakeLists.txt when IMGUI_DIR is set.

# --- the UI font: a subset of Debian's DejaVu Sans, made at build time (never committed) --
find_file(MASTERY_DEJAVU_SANS DejaVuSans.ttf PATHS /usr/share/fonts/truetype/dejavu NO_CMAKE_FIND_ROOT_PATH NO_DEFAULT_PATH)
find_file(MASTERY_DEJAVU_SANS_BOLD DejaVuSans-Bold.ttf PATHS /usr/share/fonts/truetype/dejavu NO_CMAKE_FIND_ROOT_PATH NO_DEFAULT_PATH)
# Debian's python3 has fontTools; a python from elsewhere on PATH may not.
find_program(MASTERY_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
set(MASTERY_FONT_DIR ${CMAKE_BINARY_DIR}/fonts)
# Keep in step with kRegularRanges and kBoldRanges in src/ui/fonts.cpp. The bold subset has
# Latin-1, Latin Extended-A, Romanian, Greek, punctuation and the euro; its other glyphs
# (Latin Extended-B, arrows, maths, shapes) come from the regular font (saves ~7 KB brotli).
set(_font_unicodes "U+0020-01B4,U+01CD-01DC,U+0218-021B,U+0391-03A9,U+03B1-03C9,U+2010-205E,U+20AC,U+2190-2199,U+21D0-21D4,U+2202,U+2206,U+2208,U+2211-2212,U+221A,U+221E,U+2248,U+2260-2261,U+2264-2265,U+25A0-25A1,U+25B2-25BF,U+25C6-25CF,U+2605-2606,U+270E,U+2713-2717")
set(_bold_unicodes "U+0020-017F,U+0218-021B,U+0391-03A9,U+03B1-03C9,U+2010-205E,U+20AC")
if(MASTERY_DEJAVU_SANS AND MASTERY_DEJAVU_SANS_BOLD AND MASTERY_PYTHON3)
  add_custom_command(
    OUTPUT ${MASTERY_FONT_DIR}/ui-sans.ttf ${MASTERY_FONT_DIR}/ui-sans-bold.ttf
    COMMAND ${CMAKE_COMMAND} -E make_directory ${MASTERY_FONT_DIR}
    COMMAND ${MASTERY_PYTHON3} -m fontTools.subset ${MASTERY_DEJAVU_SANS} --unicodes=${_font_unicodes}
            --layout-features= --no-hinting --output-file=${MASTERY_FONT_DIR}/ui-sans-2048.ttf
    COMMAND ${MASTERY_PYTHON3} -m fontTools.subset ${MASTERY_DEJAVU_SANS_BOLD} --unicodes=${_bold_unicodes}
            --layout-features= --no-hinting --output-file=${MASTERY_FONT_DIR}/ui-sans-bold-2048.ttf
    # Outlines on a 512-unit em instead of DejaVu's 2048 (fontTools' scaleUpem): points move
    # by at most 1/1024 of the text size (0.05 px at the 26 px headings on a 2x screen), and
    # 13% fewer bytes to download (docs/PERFORMANCE.md).
    COMMAND ${MASTERY_PYTHON3} -m fontTools.ttLib.scaleUpem ${MASTERY_FONT_DIR}/ui-sans-2048.ttf 512 --output-file ${MASTERY_FONT_DIR}/ui-sans.ttf
    COMMAND ${MASTERY_PYTHON3} -m fontTools.ttLib.scaleUpem ${MASTERY_FONT_DIR}/ui-sans-bold-2048.ttf 512 --output-file ${MASTERY_FONT_DIR}/ui-sans-bold.ttf
    DEPENDS ${MASTERY_DEJAVU_SANS} ${MASTERY_DEJAVU_SANS_BOLD} ${CMAKE_SOURCE_DIR}/cmake/app.cmake
    COMMENT "Subsetting DejaVu Sans for the UI (pyftsubset)"
    VERBATIM)
  # Badge icons: Debian's Fork Awesome cut down to the icons of assets/badges/icons.json.
  find_file(MASTERY_FORK_AWESOME forkawesome-webfont.ttf PATHS /usr/share/fonts/truetype/fork-awesome NO_CMAKE_FIND_ROOT_PATH NO_DEFAULT_PATH)
  set(_badge_font_outputs)
  if(MASTERY_FORK_AWESOME)
    add_custom_command(
      OUTPUT ${MASTERY_FONT_DIR}/badge-icons.ttf
      COMMAND ${CMAKE_COMMAND} -E make_directory ${MASTERY_FONT_DIR}
      COMMAND ${MASTERY_PYTHON3} ${CMAKE_SOURCE_DIR}/scripts/icon-unicodes.py ${CMAKE_SOURCE_DIR}/assets/badges/icons.json ${MASTERY_FONT_DIR}/badge-icons.txt
      COMMAND ${MASTERY_PYTHON3} -m fontTools.subset ${MASTERY_FORK_AWESOME} --unicodes-file=${MASTERY_FONT_DIR}/badge-icons.txt
              --layout-features= --no-hinting --output-file=${MASTERY_FONT_DIR}/badge-icons-1792.ttf
      COMMAND ${MASTERY_PYTHON3} -m fontTools.ttLib.scaleUpem ${MASTERY_FONT_DIR}/badge-icons-1792.ttf 512 --output-file ${MASTERY_FONT_DIR}/badge-icons.ttf
      DEPENDS ${MASTERY_FORK_AWESOME} ${CMAKE_SOURCE_DIR}/assets/badges/icons.json ${CMAKE_SOURCE_DIR}/scripts/icon-unicodes.py
      COMMENT "Subsetting Fork Awesome for badge icons (pyftsubset)"
      VERBATIM)
    list(APPEND _badge_font_outputs ${MASTERY_FONT_DIR}/badge-icons.ttf)
  else()
    message(WARNING "fonts-fork-awesome missing: badges in the web app show no icons")
  endif()
  add_custom_target(mastery_fonts DEPENDS ${MASTERY_FONT_DIR}/ui-sans.ttf ${MASTERY_FONT_DIR}/ui-sans-bold.ttf ${_badge_font_outputs})
  # The web build carries the UI subsets as byte arrays (no Emscripten file system needed).
  # The badge icons are a file of the site instead, fetched when a badge first needs them
  # (src/ui/badge_art.hpp): a first visit has no such badge.
  set(_embed "/fonts/ui-sans.ttf=${MASTERY_FONT_DIR}/ui-sans.ttf;/fonts/ui-sans-bold.ttf=${MASTERY_FONT_DIR}/ui-sans-bold.ttf")
  set(MASTERY_BUILTIN_FONTS_CPP ${CMAKE_BINARY_DIR}/generated/builtin_fonts.cpp)
  add_custom_command(
    OUTPUT ${MASTERY_BUILTIN_FONTS_CPP}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/generated
    COMMAND ${CMAKE_COMMAND} -DOUT=${MASTERY_BUILTIN_FONTS_CPP} "-DFILES=${_embed}" -P ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${MASTERY_FONT_DIR}/ui-sans.ttf ${MASTERY_FONT_DIR}/ui-sans-bold.ttf ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Building the font subsets into a source file"
    VERBATIM)
  set(MASTERY_HAVE_FONTS ON)
else()
  message(WARNING "DejaVu Sans or Debian's python3-fonttools missing: the app falls back to ImGui's built-in font")
  set(MASTERY_HAVE_FONTS OFF)
endif()

# --- Dear ImGui: core files only; backends go into the web executable ---------------------
# The web build always has its fonts built in (below), so ImGui's own fallback font
# (ProggyClean, ~12 KB of base85 text that ImGui 1.90.1 links whatever the app adds: its
# atlas falls back to it; IMGUI_DISABLE_DEFAULT_FONT arrived in 1.91.6) is dead weight in
# the download. The web build compiles a copy of imgui_draw.cpp, made here in the build
# tree, whose font text is empty; src/ui/fonts.cpp never asks for the default font there.
set(_imgui_draw ${IMGUI_DIR}/imgui_draw.cpp)
set(MASTERY_NO_DEFAULT_FONT OFF)
if(EMSCRIPTEN AND MASTERY_HAVE_FONTS AND EXISTS ${IMGUI_DIR}/imgui_draw.cpp)
  file(READ ${IMGUI_DIR}/imgui_draw.cpp _draw_text)
  string(FIND "${_draw_text}" "static const char proggy_clean_ttf_compressed_data_base85[" _from)
  string(FIND "${_draw_text}" "static const char* GetDefaultCompressedFontDataTTFBase85()\n{" _to)
  if(_from GREATER 0 AND _to GREATER _from)
    string(SUBSTRING "${_draw_text}" 0 ${_from} _head)
    math(EXPR _len "${_to} - ${_from}")
    string(SUBSTRING "${_draw_text}" ${_from} ${_len} _font_text)
    string(SUBSTRING "${_draw_text}" ${_to} -1 _tail)
    # Only the line breaks of the left-out text stay, so ImGui's check messages keep
    # their file's line numbers.
    string(REGEX REPLACE "[^\n]" "" _font_lines "${_font_text}")
    set(_imgui_draw ${CMAKE_BINARY_DIR}/generated/imgui_draw.cpp)
    file(WRITE ${_imgui_draw}.new "#line 1 \"${IMGUI_DIR}/imgui_draw.cpp\"\n${_head}static const char proggy_clean_ttf_compressed_data_base85[1] = \"\"; // left out by Mastery Map's cmake/app.cmake${_font_lines}${_tail}")
    configure_file(${_imgui_draw}.new ${_imgui_draw} COPYONLY)  # touched only when it changes
    set(MASTERY_NO_DEFAULT_FONT ON)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${IMGUI_DIR}/imgui_draw.cpp)
  else()
    message(WARNING "imgui_draw.cpp has no ProggyClean text where expected: the web build keeps it")
  endif()
endif()
add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${_imgui_draw} ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
if(MASTERY_NO_DEFAULT_FONT)
  target_compile_definitions(imgui PUBLIC MASTERY_NO_DEFAULT_FONT=1)
endif()
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/misc/cpp)
# The test-engine hooks let tests find items by label (src/ui/item_probe.cpp); they cost
# nothing unless switched on at run time.
# imconfig_mastery.hpp keeps ImGui's own checks on in release builds.
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_OBSOLETE_KEYIO
                           IMGUI_ENABLE_TEST_ENGINE IMGUI_USER_CONFIG="${CMAKE_SOURCE_DIR}/src/ui/imconfig_mastery.hpp")
target_compile_options(imgui PRIVATE -w)
# The web build has no use for ImGui's debug windows and logs (nothing opens them), which
# its frame loop otherwise links (docs/PERFORMANCE.md).
if(EMSCRIPTEN)
  target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_DEBUG_TOOLS)
endif()
# ImGui's font atlas uses the build's one stb_truetype and stb_rect_pack (Debian's,
# src/badge/stb/truetype.cpp) rather than compiling its bundled copies a second time.
if(TARGET mastery_stbtt)
  target_compile_definitions(imgui PRIVATE IMGUI_DISABLE_STB_TRUETYPE_IMPLEMENTATION
                             IMGUI_STB_TRUETYPE_FILENAME=<stb/stb_truetype.h>
                             IMGUI_DISABLE_STB_RECT_PACK_IMPLEMENTATION
                             IMGUI_STB_RECT_PACK_FILENAME=<stb/stb_rect_pack.h>)
  target_link_libraries(imgui PUBLIC mastery_stbtt)
endif()

# --- app layer + views -------------------------------------------------------------------
file(GLOB MASTERY_APP_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/app/*.cpp ${CMAKE_SOURCE_DIR}/src/ui/*.cpp)
add_library(mastery_app STATIC ${MASTERY_APP_SOURCES})
target_include_directories(mastery_app PUBLIC ${CMAKE_SOURCE_DIR}/src)
target_link_libraries(mastery_app PUBLIC mastery_core imgui)
# Badges on screen need glyph outlines (stb_truetype) and the studio's downloads need PNG
# baking: both live in mastery_badge (cmake/badge.cmake), built for the web too.
if(NOT TARGET mastery_badge)
  message(FATAL_ERROR "the app needs mastery_badge (apt-get install libstb-dev)")
endif()
target_link_libraries(mastery_app PUBLIC mastery_badge)

if(EMSCRIPTEN)
  # --- the web app: js + wasm, our own index.html, assets copied into build/web/site -------
  # Build tools from npm (scripts/web-tools/package.json, installed by scripts/deps).
  set(_web_tools ${CMAKE_SOURCE_DIR}/scripts/web-tools/node_modules)
  set(MASTERY_CLOSURE_COMPILER ${_web_tools}/.bin/google-closure-compiler CACHE FILEPATH "Closure Compiler for emcc --closure 1")
  set(MASTERY_TERSER ${_web_tools}/terser/bin/terser CACHE FILEPATH "terser for the page's scripts")
  find_program(MASTERY_NODE node REQUIRED)
  file(GLOB MASTERY_WEB_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/platform/web/*.cpp)
  # ImGui's OpenGL3 backend comes in through src/platform/web/imgui_backend_gl.cpp (its GL
  # state backup answered from known state); the floor compiles it as it is.
  add_executable(mastery_web ${MASTERY_WEB_SOURCES} ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp)
  set_target_properties(mastery_web PROPERTIES OUTPUT_NAME mastery-map SUFFIX ".js"
                        RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/site)
  target_include_directories(mastery_web PRIVATE ${IMGUI_DIR}/backends)
  target_link_libraries(mastery_web PRIVATE mastery_app)
  set_source_files_properties(${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp
                              ${CMAKE_SOURCE_DIR}/src/platform/web/imgui_backend_gl.cpp PROPERTIES COMPILE_OPTIONS "-w")
  set(_exports "_main,_malloc,_free,_mm_wake,_mm_frames,_mm_dispatch,_mm_export,_mm_import,_mm_fetched,_mm_image_picked,_mm_file_begin,_mm_file_buffer,_mm_file_progress,_mm_file_loaded,_mm_file_failed,_mm_job_shown,_mm_job_step,_mm_job_frames,_mm_leaving_loses_work,_mm_file_too_big,_mm_stored,_mm_save_now,_mm_stored_list,_mm_unsaved,_mm_record_id,_mm_saved,_mm_read_only,_mm_save_state,_mm_thumbnail_ready,_mm_thumbnail_failed,_mm_pinch,_mm_touch,_mm_probe,_mm_probe_items,_mm_ready,_mm_clipboard_cached,_mm_text,_mm_frame_times,_mm_marks,_mm_badge_templates,_mm_render_badge,_mm_icon_font,_mm_badge_icons")
  # Link flags the app and the benchmark's floor share. GL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0:
  # Emscripten would otherwise enable every WebGL extension the browser offers while the
  # context is made (~100 ms of main's ~180 at 4x in headless Chromium); ImGui's WebGL2
  # backend needs none.
  set(_web_link_flags
    -sUSE_GLFW=3 -sUSE_WEBGL2=1 -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2 -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432 -sMEMORY_GROWTH_GEOMETRIC_STEP=0.05 -sENVIRONMENT=web -sEXIT_RUNTIME=0)
  target_link_options(mastery_web PRIVATE ${_web_link_flags}
    "-sEXPORTED_FUNCTIONS=[${_exports}]"
    "-sEXPORTED_RUNTIME_METHODS=[UTF8ToString,stringToUTF8,lengthBytesUTF8]"
    --js-library ${CMAKE_SOURCE_DIR}/src/platform/web/library_mastery.js)
  set_property(TARGET mastery_web APPEND PROPERTY LINK_DEPENDS ${CMAKE_SOURCE_DIR}/src/platform/web/library_mastery.js)
  # memcpy and memset: at -Oz Emscripten links its libc's byte-at-a-time loops (its "optz"
  # variant; a startup profile at 4x found ~16 ms of memset in the font atlas alone, and
  # every copy of a record's text goes through memcpy). The app links Emscripten's own
  # -Os versions instead, compiled here from its installed sources like its libc (no LTO,
  # -fno-builtin).
  set(_em_libc ${EMSCRIPTEN_ROOT_PATH}/system/lib/libc)
  if(EXISTS ${_em_libc}/emscripten_memcpy.c AND EXISTS ${_em_libc}/musl/src/string/memset.c)
    add_library(mastery_fast_mem OBJECT ${_em_libc}/emscripten_memcpy.c ${_em_libc}/musl/src/string/memset.c)
    target_include_directories(mastery_fast_mem PRIVATE ${_em_libc}/musl/src/internal ${_em_libc}/musl/src/include)
    # EMSCRIPTEN_STANDALONE_WASM: its copy loop for every size (the JS helper for large
    # copies exists only below -Oz)
    target_compile_definitions(mastery_fast_mem PRIVATE _XOPEN_SOURCE=700 EMSCRIPTEN_STANDALONE_WASM)
    target_compile_options(mastery_fast_mem PRIVATE -O2 -fno-lto -fno-builtin -w)
    target_sources(mastery_web PRIVATE $<TARGET_OBJECTS:mastery_fast_mem>)
  else()
    message(WARNING "Emscripten's libc sources not found: the app keeps -Oz's byte-at-a-time memcpy/memset")
  endif()
  # No file system: the fonts are built in (MASTERY_BUILTIN_FONTS_CPP), files come and go
  # through the page's JS glue.
  target_link_options(mastery_web PRIVATE -sFILESYSTEM=0)
  if(MASTERY_HAVE_FONTS)
    target_sources(mastery_web PRIVATE ${MASTERY_BUILTIN_FONTS_CPP})
    target_compile_definitions(mastery_web PRIVATE MASTERY_BUILTIN_FONTS=1)
  endif()

  # The site: our page and JS glue, the bundled pathways and the sample record. The page's
  # scripts are minified with terser where scripts/deps installed it (not sw.js: the dist
  # step stamps markers inside it).
  file(GLOB MASTERY_WEB_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/*.html ${CMAKE_SOURCE_DIR}/web/*.js ${CMAKE_SOURCE_DIR}/web/*.css)
  file(GLOB MASTERY_PATHWAY_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/assets/pathways/*.json)
  file(GLOB MASTERY_RECORD_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/assets/records/*.json)
  set(_minify_commands)
  if(EXISTS ${MASTERY_TERSER})
    foreach(_js early.js shell.js storage.js)
      list(APPEND _minify_commands COMMAND ${MASTERY_NODE} ${MASTERY_TERSER} ${CMAKE_SOURCE_DIR}/web/${_js}
           --compress --mangle --comments false --output ${CMAKE_BINARY_DIR}/site/${_js})
    endforeach()
  else()
    message(WARNING "terser not installed (scripts/deps): the page's scripts are not minified")
  endif()
  set(_font_copy)
  if(MASTERY_HAVE_FONTS AND _badge_font_outputs)
    target_compile_definitions(mastery_app PRIVATE MASTERY_FETCHED_ICON_FONT=1)
    add_dependencies(mastery_web mastery_fonts)
    set(_font_copy COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/site/fonts
                   COMMAND ${CMAKE_COMMAND} -E copy_if_different ${_badge_font_outputs} ${CMAKE_BINARY_DIR}/site/fonts/)
  endif()
  add_custom_command(TARGET mastery_web POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/site/pathways ${CMAKE_BINARY_DIR}/site/records
    ${_font_copy}
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${MASTERY_WEB_FILES} ${CMAKE_BINARY_DIR}/site/
    ${_minify_commands}
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${MASTERY_PATHWAY_FILES} ${CMAKE_BINARY_DIR}/site/pathways/
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${MASTERY_RECORD_FILES} ${CMAKE_BINARY_DIR}/site/records/
    COMMENT "Assembling the static site in ${CMAKE_BINARY_DIR}/site"
    VERBATIM)
  # The benchmark's floor (scripts/bench): ImGui "hello" with the same flags. Not built by default.
  add_executable(imgui_hello EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/bench/hello/main.cpp
    ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
  set_target_properties(imgui_hello PROPERTIES OUTPUT_NAME hello SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bench-hello)
  target_include_directories(imgui_hello PRIVATE ${IMGUI_DIR}/backends)
  target_link_libraries(imgui_hello PRIVATE imgui)
  target_link_options(imgui_hello PRIVATE ${_web_link_flags}
    "-sEXPORTED_FUNCTIONS=[_main,_hello_wake,_hello_frames,_hello_frame_times]"
    "-sEXPORTED_RUNTIME_METHODS=[UTF8ToString]" -sFILESYSTEM=0)
  if(MASTERY_HAVE_FONTS)  # the same built-in fonts as the app
    target_sources(imgui_hello PRIVATE ${MASTERY_BUILTIN_FONTS_CPP})
    target_include_directories(imgui_hello PRIVATE ${CMAKE_SOURCE_DIR}/src)
    target_compile_definitions(imgui_hello PRIVATE MASTERY_BUILTIN_FONTS=1)
  endif()
  configure_file(${CMAKE_SOURCE_DIR}/bench/hello/index.html ${CMAKE_BINARY_DIR}/bench-hello/index.html COPYONLY)
  # Closure Compiler (from npm, scripts/deps: Debian's emscripten leaves it out) shrinks
  # Emscripten's JS runtime and GL glue (23 -> ~13 KB brotli). The floor gets it too.
  if(EXISTS ${MASTERY_CLOSURE_COMPILER})
    foreach(_t mastery_web imgui_hello)
      target_link_options(${_t} PRIVATE --closure 1)
      set_property(TARGET ${_t} PROPERTY CXX_LINKER_LAUNCHER ${CMAKE_COMMAND} -E env EM_CLOSURE_COMPILER=${MASTERY_CLOSURE_COMPILER})
    endforeach()
  else()
    message(WARNING "Closure Compiler not installed (scripts/deps): Emscripten's JS is not minified")
  endif()
  # One more round of Binaryen's size optimisations over the linked wasm: emcc's own -Oz
  # round leaves ~2 KB (brotli) that a second one finds. The feature list matches the
  # compile flags (CMakePresets.json); the final wasm carries no features section to read.
  find_program(MASTERY_WASM_OPT wasm-opt)
  if(MASTERY_WASM_OPT)
    foreach(_t mastery_web imgui_hello)
      add_custom_command(TARGET ${_t} POST_BUILD
        COMMAND ${MASTERY_WASM_OPT} $<TARGET_FILE_DIR:${_t}>/$<TARGET_FILE_BASE_NAME:${_t}>.wasm -Oz --converge
                --enable-sign-ext --enable-nontrapping-float-to-int --enable-mutable-globals
                -o $<TARGET_FILE_DIR:${_t}>/$<TARGET_FILE_BASE_NAME:${_t}>.opt.wasm
        COMMAND ${CMAKE_COMMAND} -E rename $<TARGET_FILE_DIR:${_t}>/$<TARGET_FILE_BASE_NAME:${_t}>.opt.wasm
                $<TARGET_FILE_DIR:${_t}>/$<TARGET_FILE_BASE_NAME:${_t}>.wasm
        COMMENT "wasm-opt -Oz once more over the ${_t} wasm"
        VERBATIM)
    endforeach()
  else()
    message(WARNING "Binaryen's wasm-opt not found: the wasm misses a last size pass")
  endif()
else()
  # --- native: headless ImGui tests of every view ---------------------------------------------
  file(GLOB MASTERY_UI_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/ui/*.cpp)
  if(MASTERY_UI_TESTS)
    add_executable(ui_tests ${MASTERY_UI_TESTS})
    target_link_libraries(ui_tests PRIVATE mastery_app)
    target_include_directories(ui_tests SYSTEM PRIVATE ${DOCTEST_INCLUDE_DIR})
    target_compile_definitions(ui_tests PRIVATE MASTERY_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
                               MASTERY_FONT_DIR="$<IF:$<BOOL:${MASTERY_HAVE_FONTS}>,${MASTERY_FONT_DIR},>")
    if(MASTERY_HAVE_FONTS)
      add_dependencies(ui_tests mastery_fonts)
    endif()
    add_test(NAME ui_tests COMMAND ui_tests)
  endif()
  # scripts/bench: the views' frame time natively on the large pathway (not built by default).
  add_executable(ui_bench EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/bench/ui_bench.cpp)
  target_link_libraries(ui_bench PRIVATE mastery_app)
  target_compile_definitions(ui_bench PRIVATE MASTERY_FONT_DIR="$<IF:$<BOOL:${MASTERY_HAVE_FONTS}>,${MASTERY_FONT_DIR},>")
  if(MASTERY_HAVE_FONTS)
    add_dependencies(ui_bench mastery_fonts)
  endif()
endif()
