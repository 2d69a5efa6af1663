/* Test-only: holds a file open the way another program would, for the Windows suite under
 * Wine. `holdopen.exe FILE none|read|lock`: opens FILE for reading and writing, sharing
 * nothing (as some editors do), reading only (as Office does), or sharing everything but
 * with the whole file locked (LockFileEx, as another CSMS Desk holds workspace.lock); prints
 * "held", and keeps it so until its standard input closes. */
#include <windows.h>
#include <stdio.h>
#include <string.h>

int wmain(int argc, wchar_t **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: holdopen FILE none|read\n");
        return 2;
    }
    BOOL lock = wcscmp(argv[2], L"lock") == 0;
    DWORD share = lock ? FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE
                : wcscmp(argv[2], L"read") == 0 ? FILE_SHARE_READ : 0;
    HANDLE file = CreateFileW(argv[1], GENERIC_READ | GENERIC_WRITE, share, NULL,
                              OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        fprintf(stderr, "could not open: %lu\n", GetLastError());
        return 1;
    }
    OVERLAPPED whole = {0};
    if (lock && !LockFileEx(file, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0,
                            MAXDWORD, MAXDWORD, &whole)) {
        fprintf(stderr, "could not lock: %lu\n", GetLastError());
        return 1;
    }
    printf("held\n");
    fflush(stdout);
    char buffer[64];
    while (fgets(buffer, sizeof buffer, stdin) != NULL) {
    }
    CloseHandle(file);
    return 0;
}
