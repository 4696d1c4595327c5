// The doctest runner, alone in its file; topics live in the other files of tests/core/.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
