#define BOOST_TEST_MODULE newskg
#include <boost/test/unit_test.hpp>
