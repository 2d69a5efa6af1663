/* Test-only stand-in for ProcessPrng, which Rust's std on Windows calls from
 * bcryptprimitives.dll and Debian's Wine 8.0 lacks (the exe would die at start with status
 * c0000135). Built with mingw by `cargo xtask test` into bcryptprimitives.dll beside the
 * Windows builds it runs under Wine; never shipped. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
