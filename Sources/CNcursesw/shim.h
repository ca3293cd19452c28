#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
/* systemLibrary targets cannot carry cSettings, and pkg-config's -D flags are dropped by SwiftPM, so the
 * wide-character switches must be defined here, before curses.h. Without them there is no cchar_t,
 * wget_wch or setcchar. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* glibc declares wcwidth only under __USE_XOPEN, which Swift's Glibc module lacks. */
extern int wcwidth(wchar_t c);

/* Swift 6 refuses C globals as not concurrency-safe: read them through functions. */
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline int cnc_LINES(void) { return LINES; }
static inline int cnc_COLS(void) { return COLS; }
static inline int cnc_COLORS(void) { return COLORS; }
static inline int cnc_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline FILE *cnc_stdin(void) { return stdin; }
static inline FILE *cnc_stdout(void) { return stdout; }
static inline const char *cnc_codeset(void) { return nl_langinfo(CODESET); }

/* Attribute and mouse macros built with NCURSES_BITS are not imported; constants are. */
static const attr_t CNC_A_NORMAL = A_NORMAL;
static const attr_t CNC_A_BOLD = A_BOLD;
static const attr_t CNC_A_REVERSE = A_REVERSE;
static const attr_t CNC_A_UNDERLINE = A_UNDERLINE;
static const attr_t CNC_A_DIM = A_DIM;
static const mmask_t CNC_ALL_MOUSE_EVENTS = ALL_MOUSE_EVENTS;
static const mmask_t CNC_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t CNC_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t CNC_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t CNC_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t CNC_BUTTON5_PRESSED = BUTTON5_PRESSED;

/* Draws one grapheme (up to CCHARW_MAX code points) with attributes and a colour pair. */
static inline int cnc_put(WINDOW *w, int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t c;
    if (setcchar(&c, wch, attrs, (short)(pair > 32767 ? 0 : pair), NULL) == ERR) return ERR;
    return mvwadd_wch(w, y, x, &c);
}

/* Reads back the grapheme at (y, x) into out (CCHARW_MAX + 1 wchar_t), for headless tests. */
static inline int cnc_read(WINDOW *w, int y, int x, wchar_t *out, attr_t *attrs, short *pair) {
    cchar_t c;
    if (mvwin_wch(w, y, x, &c) == ERR) return ERR;
    return getcchar(&c, out, attrs, pair, NULL);
}
#endif
