/* The driver of one Check suite.  The suite itself is tangled from the chapter
   that it tests; the build names it with -DLBPF_SUITE=NAME_suite. */
#include <check.h>
#include <stdlib.h>

Suite *LBPF_SUITE(void);

int main(void) {
  SRunner *runner = srunner_create(LBPF_SUITE());
  srunner_run_all(runner, CK_NORMAL);
  int failed = srunner_ntests_failed(runner);
  srunner_free(runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
