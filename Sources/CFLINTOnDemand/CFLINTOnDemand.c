// FLINT loaded on demand (issue 15, start-up).
//
// Debian's libflint (2.9) is linked with BIND_NOW and pulls in NTL, gf2x and their thousands of
// symbol relocations: loading it cost ~1.3 ms of CPU at every start of prove-collapse, even
// though only products of large integer matrices (IntegerMatrix, ExactNumbers) call it. So the
// executable is not linked against libflint: this file defines every FLINT function the
// package calls (the names and types of <flint/...> headers, checked by the compiler), each a
// trampoline that loads libflint with dlopen on the first call and then jumps to FLINT's own
// function. The definitions are hidden (not exported from the executable), so FLINT's calls
// into itself never come back here. FLINT uses the GMP already loaded by the process.
//
// A FLINT function called from Swift that is not listed below fails the link with "undefined
// reference to `fmpz_...`": add one FORWARD line for it (its type as in the FLINT header).
#if defined(__linux__)

#include <dlfcn.h>
#include <stdio.h>
#include <pthread.h>
#include <unistd.h>
#include <gmp.h>
#include "CFLINTOnDemand.h"

// Hidden: the definitions below replace FLINT's only inside the executable.
#pragma GCC visibility push(hidden)
#include <flint/flint.h>
#include <flint/fmpz.h>
#include <flint/fmpz_mat.h>

// The FLINT functions the package calls: (return type, name, parameters, arguments).
#define FLINT_FUNCTIONS(VOID, VALUE)                                                           \
    VOID(flint_set_num_threads, (int n), (n))                                                  \
    VOID(_flint_set_num_workers, (int n), (n))                                                 \
    VOID(_fmpz_clear_mpz, (fmpz f), (f))                                                       \
    VOID(fmpz_set, (fmpz_t f, const fmpz_t g), (f, g))                                         \
    VOID(fmpz_set_mpz, (fmpz_t f, const mpz_t x), (f, x))                                      \
    VOID(fmpz_get_mpz, (mpz_t x, const fmpz_t f), (x, f))                                      \
    VOID(fmpz_mul, (fmpz_t f, const fmpz_t g, const fmpz_t h), (f, g, h))                      \
    VOID(fmpz_mul_ui, (fmpz_t f, const fmpz_t g, ulong x), (f, g, x))                          \
    VOID(fmpz_mul_2exp, (fmpz_t f, const fmpz_t g, ulong e), (f, g, e))                        \
    VOID(fmpz_divexact, (fmpz_t f, const fmpz_t g, const fmpz_t h), (f, g, h))                 \
    VOID(fmpz_divexact_ui, (fmpz_t f, const fmpz_t g, ulong h), (f, g, h))                     \
    VOID(fmpz_fdiv_q_2exp, (fmpz_t f, const fmpz_t g, ulong e), (f, g, e))                     \
    VALUE(ulong, fmpz_fdiv_ui, (const fmpz_t g, ulong h), (g, h))                              \
    VOID(fmpz_gcd, (fmpz_t f, const fmpz_t g, const fmpz_t h), (f, g, h))                      \
    VALUE(flint_bitcnt_t, fmpz_val2, (const fmpz_t x), (x))                                    \
    VOID(fmpz_mat_init, (fmpz_mat_t m, slong rows, slong cols), (m, rows, cols))               \
    VOID(fmpz_mat_init_set, (fmpz_mat_t m, const fmpz_mat_t s), (m, s))                        \
    VOID(fmpz_mat_clear, (fmpz_mat_t m), (m))                                                  \
    VALUE(int, fmpz_mat_equal, (const fmpz_mat_t a, const fmpz_mat_t b), (a, b))               \
    VOID(fmpz_mat_mul, (fmpz_mat_t c, const fmpz_mat_t a, const fmpz_mat_t b), (c, a, b))

// FLINT's own function for each name, set once by `load`.
#define POINTER_VOID(name, params, args) static __typeof__(&name) name##_in_flint;
#define POINTER_VALUE(type, name, params, args) POINTER_VOID(name, params, args)
FLINT_FUNCTIONS(POINTER_VOID, POINTER_VALUE)

static int loaded;  // read and written atomically: 1 once every pointer is set
static pthread_once_t loading = PTHREAD_ONCE_INIT;

// The library names tried in turn: the soname of the FLINT whose headers this was built with
// (Debian 12's libflint-dev 2.9: libflint.so.17), then the development link.
static const char *const libraryNames[] = {
#if __FLINT_RELEASE >= 20900 && __FLINT_RELEASE < 21000
    "libflint.so.17",
#endif
    "libflint.so",
};

static void fail(const char *what, const char *detail) {
    fprintf(stderr, "prove-collapse: cannot load the FLINT library (%s): %s; install FLINT %s (Debian: libflint-dev)\n",
            what, detail ? detail : "unknown error", FLINT_VERSION);
    fflush(stderr);
    _exit(2);
}

static void load(void) {
    void *library = NULL;
    const char *error = NULL;
    for (size_t i = 0; i < sizeof libraryNames / sizeof libraryNames[0] && library == NULL; i++) {
        library = dlopen(libraryNames[i], RTLD_NOW | RTLD_LOCAL);
        if (library == NULL) error = dlerror();
    }
    if (library == NULL) fail(libraryNames[0], error);
#define SET_VOID(name, params, args)                                                           \
    name##_in_flint = (__typeof__(name##_in_flint))dlsym(library, #name);                      \
    if (name##_in_flint == NULL) fail(#name, dlerror());
#define SET_VALUE(type, name, params, args) SET_VOID(name, params, args)
    FLINT_FUNCTIONS(SET_VOID, SET_VALUE)
    __atomic_store_n(&loaded, 1, __ATOMIC_RELEASE);
}

static inline void ensureLoaded(void) {
    if (__builtin_expect(!__atomic_load_n(&loaded, __ATOMIC_ACQUIRE), 0)) pthread_once(&loading, load);
}

// The trampolines, under FLINT's names.
#define FORWARD_VOID(name, params, args)                                                       \
    void name params {                                                                         \
        ensureLoaded();                                                                        \
        name##_in_flint args;                                                                  \
    }
#define FORWARD_VALUE(type, name, params, args)                                                \
    type name params {                                                                         \
        ensureLoaded();                                                                        \
        return name##_in_flint args;                                                           \
    }
FLINT_FUNCTIONS(FORWARD_VOID, FORWARD_VALUE)

#pragma GCC visibility pop

int cflint_on_demand_is_loaded(void) { return __atomic_load_n(&loaded, __ATOMIC_ACQUIRE); }

#else

#include "CFLINTOnDemand.h"

int cflint_on_demand_is_loaded(void) { return 1; }

#endif
