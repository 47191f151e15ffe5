#ifndef CONFIDANT_PROCESS_HYGIENE_H
#define CONFIDANT_PROCESS_HYGIENE_H

/// Marks the process not dumpable (no core file, no ptrace by the same user); returns 0 on success.
int confidant_set_not_dumpable(void);
/// 1 when the process may dump core or be traced, 0 when not, -1 when it cannot be told.
int confidant_is_dumpable(void);

#endif
