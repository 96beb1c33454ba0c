/*
 * A stand-in for Windows' bcryptprimitives.dll, for running wisn.exe under Wine 8 only.
 *
 * The Rust standard library (since 1.78) gets random bytes (the seeds of HashMap) from
 * ProcessPrng in bcryptprimitives.dll, which every supported Windows has but Wine gained only in
 * version 9. Debian 12 ships Wine 8, so scripts/build-windows.sh --test builds this file into a
 * DLL and puts it beside a *copy* of wisn.exe in a test folder: Windows looks beside the program
 * first, so Wine loads it. It is never shipped: real Windows has its own DLL.
 *
 * ProcessPrng(data, size) fills `data` with `size` random bytes and always returns TRUE (as the
 * real one does); here they come from RtlGenRandom (advapi32's SystemFunction036), which Wine has.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
        SystemFunction036(data, chunk);
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
