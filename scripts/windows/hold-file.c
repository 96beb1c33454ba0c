/*
 * hold-file FILE SECONDS: opens FILE with no sharing, as Excel holds an open workbook, prints
 * "held" and keeps it open for SECONDS. For scripts/build-windows.sh --test only: wisn.exe must
 * then fail to replace FILE with a message saying to close it, and leave it as it was.
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

int wmain(int argc, wchar_t **argv)
{
    if (argc != 3) {
        fwprintf(stderr, L"usage: hold-file FILE SECONDS\n");
        return 2;
    }
    HANDLE h = CreateFileW(argv[1], GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        fwprintf(stderr, L"hold-file: cannot open %ls (error %lu)\n", argv[1], GetLastError());
        return 1;
    }
    printf("held\n");
    fflush(stdout);
    Sleep((DWORD)_wtoi(argv[2]) * 1000);
    CloseHandle(h);
    return 0;
}
