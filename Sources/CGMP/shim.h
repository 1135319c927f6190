// One shim for GMP: the header, plus static inline wrappers for GMP's
// function-like macros, which Swift does not import.
#ifndef PROVE_COLLAPSE_CGMP_SHIM_H
#define PROVE_COLLAPSE_CGMP_SHIM_H
#include <gmp.h>

static inline int cgmp_mpz_sgn(mpz_srcptr z) { return mpz_sgn(z); }
static inline int cgmp_mpq_sgn(mpq_srcptr q) { return mpq_sgn(q); }
static inline int cgmp_mpz_odd_p(mpz_srcptr z) { return mpz_odd_p(z); }
static inline int cgmp_mpz_even_p(mpz_srcptr z) { return mpz_even_p(z); }
static inline mpz_ptr cgmp_mpq_numref(mpq_ptr q) { return mpq_numref(q); }
static inline mpz_ptr cgmp_mpq_denref(mpq_ptr q) { return mpq_denref(q); }
static inline mpz_srcptr cgmp_mpq_numref_const(mpq_srcptr q) { return mpq_numref(q); }
static inline mpz_srcptr cgmp_mpq_denref_const(mpq_srcptr q) { return mpq_denref(q); }
static inline size_t cgmp_mpz_size(mpz_srcptr z) { return mpz_size(z); }
static inline mp_limb_t cgmp_mpz_limb(mpz_srcptr z, size_t i) { return mpz_getlimbn(z, (mp_size_t)i); }
#endif
