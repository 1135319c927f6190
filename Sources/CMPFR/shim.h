// One shim for MPFR (built on GMP): the header plus wrappers for macros.
#ifndef PROVE_COLLAPSE_CMPFR_SHIM_H
#define PROVE_COLLAPSE_CMPFR_SHIM_H
#include <gmp.h>
#include <mpfr.h>
static inline int cmpfr_sgn(mpfr_srcptr x) { return mpfr_sgn(x); }
#endif
