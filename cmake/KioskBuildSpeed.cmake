# Build-time settings for CI's clean builds on two cores (tools/test builds two trees from
# scratch). Included by the top-level CMakeLists.txt before any target is made. Figures: the
# commit messages that brought each setting in.
#
# Unity builds. Most translation units parse the same heavy headers (nlohmann-json,
# <filesystem>, ImGui; Catch2's test macros in tests/) and instantiate, optimise and emit the same
# json templates; compiling a target's sources in batches of KIOSK_UNITY_BATCH_SIZE files does that
# once per batch. Test targets are batched too: with Catch2 3 (a compiled library, no test
# precompiled header) compiling the test files one at a time costs a clean default build about
# half as much CPU time again.
# Rule that follows for every target: names in a .cpp file's anonymous namespace (and
# file-level statics, `using` aliases) must not clash with another .cpp file of the same target.
# Give file-local helpers a name that says which file they serve. Build
# with -DKIOSK_UNITY=OFF to find which file a clash comes from.
option(KIOSK_UNITY "Compile each target's sources in unity batches (much less CPU for a clean build)" ON)
set(KIOSK_UNITY_BATCH_SIZE 12 CACHE STRING "Source files per unity batch")
if(KIOSK_UNITY)
  set(CMAKE_UNITY_BUILD ON)
  set(CMAKE_UNITY_BUILD_BATCH_SIZE ${KIOSK_UNITY_BATCH_SIZE})
endif()

# Linker. GNU ld spends most of a link on the debug sections of the sanitizer and test programs;
# lld (Debian package lld, tools/packages/base.txt) links the same files several times faster.
# -DKIOSK_LINKER= (empty) keeps the compiler's default linker.
set(KIOSK_LINKER "lld" CACHE STRING "Linker passed as -fuse-ld=<name> (empty: the compiler's default)")
if(KIOSK_LINKER)
  include(CheckLinkerFlag)
  string(MAKE_C_IDENTIFIER "KIOSK_HAVE_LD_${KIOSK_LINKER}" kiosk_linker_var)
  check_linker_flag(CXX "-fuse-ld=${KIOSK_LINKER}" ${kiosk_linker_var})
  if(${kiosk_linker_var})
    add_link_options(-fuse-ld=${KIOSK_LINKER})
  else()
    message(WARNING "-fuse-ld=${KIOSK_LINKER} does not work here; linking with the default linker")
  endif()
endif()

# Benchmarks (bench/) are built in the default tree so they keep compiling; the sanitizer tree
# runs none of them (CMakePresets.json's asan preset sets KIOSK_BENCH=OFF).
option(KIOSK_BENCH "Build the benchmark programs in bench/" ON)
