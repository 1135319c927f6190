// One shim for FLINT (Debian libflint-dev 2.9): integer matrices over GMP. GMP integers cross
// this boundary as untyped pointers, so that this module and CGMP never both own a
// declaration of `__mpz_struct` (gmp.h is included textually by each). Declarations only: the
// module map links no library; CFLINTOnDemand defines the FLINT functions the package calls
// and loads libflint at the first call.
#ifndef PROVE_COLLAPSE_CFLINT_SHIM_H
#define PROVE_COLLAPSE_CFLINT_SHIM_H
#include <flint/flint.h>
#include <flint/fmpz.h>
#include <flint/fmpz_mat.h>

static inline fmpz *cflint_entry(fmpz_mat_struct *m, long i, long j) { return fmpz_mat_entry(m, i, j); }
static inline const fmpz *cflint_entry_const(const fmpz_mat_struct *m, long i, long j) { return fmpz_mat_entry(m, i, j); }
/// f = z (fmpz_set_mpz); z is an `mpz_srcptr`.
static inline void cflint_fmpz_set_mpz(fmpz *f, const void *z) { fmpz_set_mpz(f, (mpz_srcptr)z); }
/// z = f (fmpz_get_mpz); z is an `mpz_ptr`.
static inline void cflint_fmpz_get_mpz(void *z, const fmpz *f) { fmpz_get_mpz((mpz_ptr)z, f); }
#endif
