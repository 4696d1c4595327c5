// The doctest runner for the headless UI tests (and nothing else).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
