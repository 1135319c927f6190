// One shim for MPFR (built on GMP): the header plus wrappers for macros.
#ifndef PROVE_COLLAPSE_CMPFR_SHIM_H
#define PROVE_COLLAPSE_CMPFR_SHIM_H
#include <gmp.h>
#include <mpfr.h>
static inline int cmpfr_sgn(mpfr_srcptr x) { return mpfr_sgn(x); }
/// Whether x is a finite number (neither NaN nor an infinity): `mpfr_number_p`.
static inline int cmpfr_number_p(mpfr_srcptr x) { return mpfr_number_p(x); }
/// Whether x is zero (either sign): `mpfr_zero_p`.
static inline int cmpfr_zero_p(mpfr_srcptr x) { return mpfr_zero_p(x); }
/// The exponent e of a nonzero finite x = m·2^e with 1/2 <= |m| < 1: `mpfr_get_exp`.
static inline long cmpfr_get_exp(mpfr_srcptr x) { return (long)mpfr_get_exp(x); }
/// Sets x to s exactly (for |s| below 2^precision): `mpfr_set_si`.
static inline int cmpfr_set_si(mpfr_ptr x, long s, mpfr_rnd_t r) { return mpfr_set_si(x, s, r); }
/// x = 2^e exactly: `mpfr_set_ui_2exp`.
static inline int cmpfr_set_ui_2exp(mpfr_ptr x, unsigned long u, long e, mpfr_rnd_t r) { return mpfr_set_ui_2exp(x, u, (mpfr_exp_t)e, r); }
/// The smallest precision MPFR accepts (`MPFR_PREC_MIN`).
static inline long cmpfr_prec_min(void) { return (long)MPFR_PREC_MIN; }
/// The largest precision MPFR accepts (`MPFR_PREC_MAX`).
static inline long cmpfr_prec_max(void) { return (long)MPFR_PREC_MAX; }
#endif
