// FLINT loaded on demand (issue 15, start-up): see CFLINTOnDemand.c.
#ifndef PROVE_COLLAPSE_CFLINT_ON_DEMAND_H
#define PROVE_COLLAPSE_CFLINT_ON_DEMAND_H

/// 1 once FLINT has been loaded into the process (by the first call of a FLINT function),
/// else 0. On platforms where FLINT is linked at build time: always 1.
int cflint_on_demand_is_loaded(void);

#endif
