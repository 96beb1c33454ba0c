//! Checks an .xls file before calamine reads it. calamine's .xls reader trusts the sizes and
//! sector numbers the file declares: a one-byte change can make it reserve terabytes (a directory
//! length, a DIMENSIONS record), walk a sector chain forever, or index past a table (a panic).
//! So the compound-file structure is walked here first, with every sector number checked
//! against the file's real size and every chain checked for loops, and each sheet's records are
//! scanned for the area calamine will allocate. A file that fails is reported as damaged
//! (docs/robustness.md).

use crate::diag::Msg;
use crate::messages::workbook as msg;
use std::collections::HashSet;

const FREE: u32 = 0xFFFF_FFFF;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const RESERVED: u32 = 0xFFFF_FFFA;
/// The largest .xls read: Excel 97-2003 files are far smaller; calamine holds it whole.
pub const MAX_XLS_BYTES: u64 = 256 << 20;
/// The largest area (rows × columns) of a sheet that calamine may allocate densely, unless the
/// sheet holds cells in proportion (see [`check`]).
pub const MAX_SPARSE_AREA: u64 = 2 << 20;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}
fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

struct Cfb<'a> {
    bytes: &'a [u8],
    sector: usize,
    fat: Vec<u32>,
}

impl Cfb<'_> {
    fn sector(&self, id: u32) -> Result<&[u8], Msg> {
        let start = (id as usize)
            .checked_add(1)
            .and_then(|n| n.checked_mul(self.sector))
            .ok_or_else(msg::xls_sector_overflow)?;
        self.bytes
            .get(start..start + self.sector)
            .ok_or_else(|| msg::xls_sector_past_end(id))
    }

    /// The sectors of a chain, checked: in the file, in the FAT, no loop, at most `max` long.
    fn chain(&self, start: u32, max: usize) -> Result<Vec<u32>, Msg> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        let mut id = start;
        while id != END_OF_CHAIN {
            if id >= RESERVED || (id as usize) >= self.fat.len() {
                return Err(msg::xls_chain_outside(&format!("{id:#x}")));
            }
            self.sector(id)?;
            if !seen.insert(id) || out.len() >= max {
                return Err(msg::xls_chain_loops());
            }
            out.push(id);
            id = self.fat[id as usize];
        }
        Ok(out)
    }
}

/// Checks the file; `Err` says what is wrong.
pub fn check(bytes: &[u8]) -> Result<(), Msg> {
    if bytes.len() as u64 > MAX_XLS_BYTES {
        return Err(msg::xls_too_large_save(MAX_XLS_BYTES >> 20));
    }
    if bytes.len() < 512 {
        return Err(msg::xls_cut_short());
    }
    let sector = match u16_at(bytes, 30) {
        Some(9) => 512,
        Some(12) => 4096,
        _ => return Err(msg::xls_sector_size()),
    };
    if u16_at(bytes, 32) != Some(6) {
        return Err(msg::xls_mini_sector_size());
    }
    if bytes.len() < sector {
        return Err(msg::xls_cut_short());
    }
    let sectors = bytes.len().div_ceil(sector) - 1;
    let field = |at| u32_at(bytes, at).unwrap_or(FREE) as usize;
    let dir_len = field(40);
    let fat_len = field(44);
    let dir_start = field(48) as u32;
    let mini_fat_start = field(60) as u32;
    let mini_fat_len = field(64);
    let difat_start = field(68) as u32;
    // calamine reserves these counts (and 4 bytes at 62, read as a DIFAT length) up front.
    let difat_len_as_read = field(62);
    if fat_len > sectors || mini_fat_len > sectors || dir_len > sectors {
        return Err(msg::xls_too_many_sectors());
    }
    if difat_len_as_read > sectors.saturating_mul(sector / 4).max(1 << 16) {
        return Err(msg::xls_difat_length());
    }
    // The DIFAT: 109 entries in the header, then a chain of DIFAT sectors.
    let mut difat: Vec<u32> = (0..109).filter_map(|i| u32_at(bytes, 76 + 4 * i)).collect();
    let mut id = difat_start;
    let mut seen = HashSet::new();
    let unchecked = Cfb {
        bytes,
        sector,
        fat: Vec::new(),
    };
    while id < RESERVED {
        if !seen.insert(id) || seen.len() > sectors {
            return Err(msg::xls_difat_loops());
        }
        let s = unchecked.sector(id)?;
        difat.extend((0..sector / 4).filter_map(|i| u32_at(s, 4 * i)));
        id = difat.pop().unwrap_or(END_OF_CHAIN);
    }
    let mut fat = Vec::new();
    for id in difat.into_iter().filter(|id| *id < 0xFFFF_FFFC) {
        let s = unchecked.sector(id)?;
        fat.extend((0..sector / 4).filter_map(|i| u32_at(s, 4 * i)));
    }
    let cfb = Cfb { bytes, sector, fat };
    // The directory.
    let dir = cfb.chain(dir_start, sectors)?;
    if dir_len > 0 && dir_len > dir.len() {
        return Err(msg::xls_directory_short());
    }
    let mut entries = Vec::new();
    for id in &dir {
        let s = cfb.sector(*id)?;
        for e in s.chunks(128) {
            // As calamine decodes it: all 64 bytes, cut at the first NUL.
            let units: Vec<u16> = e[..64.min(e.len())]
                .chunks(2)
                .filter_map(|c| c.try_into().ok().map(u16::from_le_bytes))
                .collect();
            let mut name: String = char::decode_utf16(units)
                .map(|c| c.unwrap_or('\u{fffd}'))
                .collect();
            if let Some(nul) = name.find('\0') {
                name.truncate(nul);
            }
            let start = u32_at(e, 116).unwrap_or(END_OF_CHAIN);
            let len = if sector == 512 {
                u32_at(e, 120).unwrap_or(0) as u64
            } else {
                u32_at(e, 120).unwrap_or(0) as u64 | (u32_at(e, 124).unwrap_or(0) as u64) << 32
            };
            let kind = e.get(66).copied().unwrap_or(0);
            entries.push((name, kind, start, len));
        }
    }
    let Some(root) = entries.first().cloned() else {
        return Err(msg::xls_directory_empty());
    };
    let file_len = bytes.len() as u64;
    // The mini stream (streams under 4096 bytes live there, in 64-byte mini sectors).
    let (mini_fat, ministream) = if mini_fat_len > 0 {
        if root.3 > file_len {
            return Err(msg::xls_mini_stream_large());
        }
        let mini = cfb.chain(root.2, sectors)?;
        if (mini.len() * sector) < root.3 as usize {
            return Err(msg::xls_mini_stream_short());
        }
        let mut data = Vec::new();
        for id in mini {
            data.extend_from_slice(cfb.sector(id)?);
        }
        data.truncate(root.3 as usize);
        let chain = cfb.chain(mini_fat_start, sectors)?;
        let mut mf = Vec::new();
        for id in chain {
            let s = cfb.sector(id)?;
            mf.extend((0..sector / 4).filter_map(|i| u32_at(s, 4 * i)));
        }
        (mf, data)
    } else {
        (Vec::new(), Vec::new())
    };
    let mut workbook: Option<Vec<u8>> = None;
    let mut seen_names = HashSet::new();
    for (name, kind, start, len) in entries.iter().skip(1) {
        // calamine reads streams by name, taking the first entry of that name, whatever its kind.
        let wanted = name == "Workbook" || name == "Book";
        if *kind != 2 && !wanted {
            continue;
        }
        if !seen_names.insert(name.clone()) {
            continue;
        }
        if *len > file_len {
            return Err(msg::xls_stream_too_long(name, *len));
        }
        let data: Vec<u8> = if *len < 4096 {
            let mut out = Vec::new();
            let mut id = *start;
            let mut seen = HashSet::new();
            while id != END_OF_CHAIN {
                let at = id as usize * 64;
                if id >= RESERVED || id as usize >= mini_fat.len() || at >= ministream.len() {
                    return Err(msg::xls_stream_outside(name));
                }
                if !seen.insert(id) {
                    return Err(msg::xls_stream_loops(name));
                }
                out.extend_from_slice(&ministream[at..(at + 64).min(ministream.len())]);
                id = mini_fat[id as usize];
            }
            if (out.len() as u64) < *len {
                return Err(msg::xls_stream_short(name));
            }
            out.truncate(*len as usize);
            out
        } else {
            let chain = cfb.chain(*start, sectors)?;
            if (chain.len() as u64) * (sector as u64) < *len {
                return Err(msg::xls_stream_short(name));
            }
            let mut data = Vec::new();
            if wanted {
                for id in chain {
                    data.extend_from_slice(cfb.sector(id)?);
                }
                data.truncate(*len as usize);
            }
            data
        };
        if name == "Workbook" || (name == "Book" && workbook.is_none()) {
            workbook = Some(data);
        }
    }
    if let Some(stream) = workbook {
        check_biff(&stream)?;
    }
    Ok(())
}

/// Scans the BIFF records of the workbook stream: each sheet (from its BOUNDSHEET offset to its
/// EOF record) must lie in the stream, and the area calamine will allocate for it (its
/// DIMENSIONS, the box around its cells) must be in proportion to what it holds.
fn check_biff(stream: &[u8]) -> Result<(), Msg> {
    let mut sheets = Vec::new();
    let mut at = 0usize;
    while let (Some(typ), Some(len)) = (u16_at(stream, at), u16_at(stream, at + 2)) {
        let data = stream.get(at + 4..at + 4 + len as usize).unwrap_or(&[]);
        if typ == 0x0085 {
            if let Some(pos) = u32_at(data, 0) {
                sheets.push(pos as usize);
            }
        }
        if typ == 0x000A {
            break;
        }
        at += 4 + len as usize;
    }
    for start in sheets {
        if start > stream.len() {
            return Err(msg::xls_sheet_past_end());
        }
        let mut at = start;
        let mut cells = 0u64;
        let (mut r0, mut r1, mut c0, mut c1) = (u32::MAX, 0u32, u32::MAX, 0u32);
        let mut declared = 0u64;
        while let (Some(typ), Some(len)) = (u16_at(stream, at), u16_at(stream, at + 2)) {
            let Some(data) = stream.get(at + 4..at + 4 + len as usize) else {
                break;
            };
            match typ {
                0x0200 => {
                    // DIMENSIONS, parsed as calamine does (which reserves rows × columns).
                    let (rf, rl, mut cf, cl) = match data.len() {
                        10 => (
                            u16_at(data, 0).unwrap_or(0) as u64,
                            u16_at(data, 2).unwrap_or(0) as u64,
                            u16_at(data, 4).unwrap_or(0) as u64,
                            u16_at(data, 6).unwrap_or(0) as u64,
                        ),
                        14 => (
                            u32_at(data, 0).unwrap_or(0) as u64,
                            u32_at(data, 4).unwrap_or(0) as u64,
                            u16_at(data, 8).unwrap_or(0) as u64,
                            u16_at(data, 10).unwrap_or(0) as u64,
                        ),
                        _ => (0, 0, 0, 0),
                    };
                    if cf > 0xFF || cl < cf {
                        cf = 0;
                    }
                    declared = if rl >= 1 && cl >= 1 {
                        if rl - 1 < rf || cl - 1 < cf {
                            u64::MAX
                        } else {
                            (rl - rf).saturating_mul(cl - cf)
                        }
                    } else {
                        1
                    };
                }
                0x0203 | 0x0204 | 0x0205 | 0x027E | 0x00FD | 0x0006 | 0x00BD | 0x0207 => {
                    if let (Some(r), Some(c)) = (u16_at(data, 0), u16_at(data, 2)) {
                        let (r, c) = (r as u32, c as u32);
                        let last_c = if typ == 0x00BD {
                            let n = (data.len().saturating_sub(6) / 6) as u32;
                            cells += n as u64;
                            c + n.max(1) - 1
                        } else {
                            cells += 1;
                            c
                        };
                        r0 = r0.min(r);
                        r1 = r1.max(r);
                        c0 = c0.min(c);
                        c1 = c1.max(last_c);
                    }
                }
                0x000A => break,
                _ => {}
            }
            at += 4 + len as usize;
        }
        let area = if cells > 0 { (r1 - r0) as u64 + 1 } else { 0 }
            * if cells > 0 { (c1 - c0) as u64 + 1 } else { 0 };
        let allowed = MAX_SPARSE_AREA.max(cells.saturating_mul(16));
        if declared > allowed || area > allowed {
            return Err(msg::xls_sheet_too_many_cells(
                declared.max(area),
                cells,
                MAX_SPARSE_AREA,
            ));
        }
    }
    Ok(())
}
