#ifndef CONFIDANT_CNCURSES_SHIM_H
#define CONFIDANT_CNCURSES_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>

/* Macros and globals of curses.h that Swift cannot import, wrapped as functions. */

static inline WINDOW *confidant_stdscr(void) { return stdscr; }
static inline int confidant_lines(void) { return LINES; }
static inline int confidant_cols(void) { return COLS; }
static inline int confidant_color_pair(int pair) { return (int)COLOR_PAIR(pair); }
static inline int confidant_a_normal(void) { return (int)A_NORMAL; }
static inline int confidant_a_bold(void) { return (int)A_BOLD; }
static inline int confidant_a_reverse(void) { return (int)A_REVERSE; }
static inline int confidant_a_underline(void) { return (int)A_UNDERLINE; }
static inline int confidant_a_dim(void) { return (int)A_DIM; }
static inline int confidant_attrset(int attrs) { return wattrset(stdscr, attrs); }
static inline int confidant_mvaddstr(int y, int x, const char *text) { return mvwaddstr(stdscr, y, x, text); }
static inline int confidant_key_code_yes(void) { return KEY_CODE_YES; }

#endif
