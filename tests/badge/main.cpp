// The doctest runner for badge files (PNG, fonts, baking, credentials), alone in its file.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
