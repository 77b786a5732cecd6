//! Letters on paper: a letter to a person as an accessible, tagged PDF for staff to print and post.
//!
//! Pure rendering. The caller gives the words, already written in the person's language, and the
//! body size the person reads at; this module lays them out and writes the PDF. The file declares
//! PDF/UA-1, whose rules krilla checks as it writes: the document language and a title in the
//! metadata, a structure tree in reading order (the sender's and the recipient's address blocks and
//! the date as paragraphs, the subject as the level 1 heading, then the body paragraphs), and an
//! outline entry for each letter.
//!
//! Layout follows clear print practice: A4, 25 mm margins, left-aligned ragged-right text (never
//! justified), 1.5 line spacing, nothing smaller than the body size, the subject bold and larger.
//! Long words (web addresses) are broken across lines, after a `/`, `.` or similar where one falls
//! late enough, so they are still printed in full. The font, DejaVu Sans, is embedded (subset) so
//! the letter prints the same everywhere; its licence is in `THIRD_PARTY_NOTICES.md`. Glyphs are
//! placed at their advance widths without kerning or ligatures, which is all the Latin script of
//! English and Welsh letters needs.

use std::num::NonZeroU16;
use std::sync::Arc;

use krilla::configure::{Configuration, Validator};
use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::tagging::{ContentTag, Identifier, SpanTag, Tag, TagGroup, TagKind, TagTree};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Data, Document, SerializeSettings};
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};

use crate::i18n::Locale;

/// DejaVu Sans, regular and bold (Bitstream Vera licence; see `THIRD_PARTY_NOTICES.md`).
static REGULAR: &[u8] = include_bytes!("../../assets-fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../assets-fonts/DejaVuSans-Bold.ttf");

/// Body size of a standard print letter, and the smallest body size this module prints.
pub const STANDARD_POINTS: u8 = 12;

/// Points per millimetre.
const MM: f32 = 72.0 / 25.4;
const PAGE_WIDTH: f32 = 210.0 * MM;
const PAGE_HEIGHT: f32 = 297.0 * MM;
const MARGIN: f32 = 25.0 * MM;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
const TEXT_BOTTOM: f32 = PAGE_HEIGHT - MARGIN;
/// Line height as a multiple of the type size.
const LINE_SPACING: f32 = 1.5;
/// The subject's size as a multiple of the body size (it is also bold).
const HEADING_SCALE: f32 = 1.25;
/// Characters after which a word too long for a line (a web address) is best broken.
const BREAK_AFTER: &[char] = &['/', '.', '-', '?', '&', '=', '_', '#'];

/// One letter to one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterContent {
    /// The language the letter is written in; it becomes the document language.
    pub language: Locale,
    /// Body size: [`STANDARD_POINTS`] for standard print, the person's large print size when they
    /// asked for large print. The subject is printed larger; nothing is printed smaller.
    pub points: u8,
    /// The organisation's address block, one line each.
    pub sender: Vec<String>,
    /// The person's name and postal address, one line each.
    pub recipient: Vec<String>,
    /// The date, already written in the letter's language.
    pub date: String,
    /// The subject, printed as the heading and used as the document title.
    pub title: String,
    /// The body paragraphs. Web addresses in them are printed in full.
    pub paragraphs: Vec<String>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LetterPdfError {
    #[error("letters are printed at {STANDARD_POINTS}pt or larger, not {0}pt")]
    TooSmall(u8),
    #[error("a letter needs a subject to print as its heading and title")]
    NoTitle,
    #[error("there are no letters to print")]
    NoLetters,
    #[error("the letter font has no character {0:?}")]
    MissingCharacter(char),
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

/// One letter as a PDF: A4, as many pages as it needs.
pub fn render(letter: &LetterContent) -> Result<Vec<u8>, LetterPdfError> {
    render_batch(std::slice::from_ref(letter))
}

/// Every letter in one PDF, each starting on a new page, for printing in one go. The document
/// language is the first letter's; each letter's own language is set on its section, so a batch
/// of English and Welsh letters is read in the right language throughout.
pub fn render_batch(letters: &[LetterContent]) -> Result<Vec<u8>, LetterPdfError> {
    let first = letters.first().ok_or(LetterPdfError::NoLetters)?;
    for letter in letters {
        if letter.points < STANDARD_POINTS {
            return Err(LetterPdfError::TooSmall(letter.points));
        }
        if letter.title.trim().is_empty() {
            return Err(LetterPdfError::NoTitle);
        }
    }

    let faces = Faces {
        regular: Face::load(REGULAR)?,
        bold: Face::load(BOLD)?,
    };
    let mut laid_out = Vec::with_capacity(letters.len());
    let mut next_page = 0;
    for letter in letters {
        let letter_layout = lay_out(letter, &faces, next_page)?;
        next_page = letter_layout.last_page + 1;
        laid_out.push(letter_layout);
    }

    let mut document = Document::new_with(SerializeSettings {
        configuration: Configuration::new_with_validator(Validator::UA1),
        enable_tagging: true,
        ..SerializeSettings::default()
    });

    // Draw page by page; each line is marked content whose identifier joins its block's tag.
    let mut identifiers: Vec<Vec<Vec<Identifier>>> = laid_out
        .iter()
        .map(|l| vec![Vec::new(); l.blocks])
        .collect();
    let mut lines = laid_out
        .iter()
        .enumerate()
        .flat_map(|(letter, l)| l.lines.iter().map(move |line| (letter, line)))
        .peekable();
    for page_index in 0..next_page {
        let mut page = document.start_page_with(PageSettings::new(PAGE_WIDTH, PAGE_HEIGHT));
        let mut surface = page.surface();
        while let Some((letter, line)) = lines.next_if(|(_, line)| line.page == page_index) {
            let face = if line.bold {
                &faces.bold
            } else {
                &faces.regular
            };
            let glyphs = face.glyphs(&line.text)?;
            let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
            surface.draw_glyphs(
                Point::from_xy(MARGIN, line.baseline),
                &glyphs,
                face.font.clone(),
                &line.text,
                line.size,
                false,
            );
            surface.end_tagged();
            identifiers[letter][line.block].push(id);
        }
        surface.finish();
        page.finish();
    }

    let mut tree = TagTree::new();
    let mut outline = Outline::new();
    for ((letter, letter_layout), blocks) in letters.iter().zip(&laid_out).zip(identifiers) {
        let section: TagKind = Tag::Section.into();
        let mut section = TagGroup::new(section.with_lang(Some(letter.language.code().into())));
        for (block, ids) in blocks.into_iter().enumerate() {
            if ids.is_empty() {
                continue;
            }
            let kind: TagKind = if block == TITLE_BLOCK {
                Tag::Hn(NonZeroU16::MIN, Some(letter.title.clone())).into()
            } else {
                Tag::P.into()
            };
            let mut group = TagGroup::new(kind);
            for id in ids {
                group.push(id);
            }
            section.push(group);
        }
        tree.push(section);

        let (page, top) = letter_layout.title_at;
        let entry = match letter.recipient.first() {
            Some(name) if letters.len() > 1 => format!("{} – {}", letter.title.trim(), name.trim()),
            _ => letter.title.trim().to_string(),
        };
        outline.push_child(OutlineNode::new(
            entry,
            XyzDestination::new(page, Point::from_xy(MARGIN, top)),
        ));
    }
    document.set_tag_tree(tree);
    document.set_outline(outline);
    document.set_metadata(
        Metadata::new()
            .title(document_title(letters))
            .language(first.language.code().to_string())
            .creator("Withus".to_string()),
    );
    document
        .finish()
        .map_err(|e| LetterPdfError::Pdf(format!("{e:?}")))
}

/// The title of the file: the subject, or each different subject in turn for a mixed batch.
fn document_title(letters: &[LetterContent]) -> String {
    let mut titles: Vec<&str> = Vec::new();
    for letter in letters {
        let title = letter.title.trim();
        if !titles.contains(&title) {
            titles.push(title);
        }
    }
    titles.join("; ")
}

/// The blocks of a letter, in reading order: sender, recipient, date, subject, then paragraphs.
const TITLE_BLOCK: usize = 3;

struct Faces {
    regular: Face,
    bold: Face,
}

/// A font for drawing (krilla) and for measuring and finding glyphs (skrifa).
struct Face {
    font: Font,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
    /// Ascent and descent in ems, both positive.
    ascent: f32,
    descent: f32,
}

impl Face {
    fn load(bytes: &'static [u8]) -> Result<Face, LetterPdfError> {
        let unreadable = || LetterPdfError::Pdf("the letter font could not be read".to_string());
        let shared: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(bytes);
        let font = Font::new(Data::from(shared), 0).ok_or_else(unreadable)?;
        let font_ref = FontRef::new(bytes).map_err(|_| unreadable())?;
        let metrics = font_ref.metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(metrics.units_per_em);
        Ok(Face {
            font,
            charmap: font_ref.charmap(),
            metrics: font_ref.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
            ascent: metrics.ascent / units_per_em,
            descent: -metrics.descent / units_per_em,
        })
    }

    /// The glyph and advance (in ems) for a character.
    fn glyph(&self, c: char) -> Result<(GlyphId, f32), LetterPdfError> {
        let id = self
            .charmap
            .map(c)
            .ok_or(LetterPdfError::MissingCharacter(c))?;
        let advance = self.metrics.advance_width(id).unwrap_or(0.0) / self.units_per_em;
        Ok((GlyphId::new(id.to_u32()), advance))
    }

    /// The glyphs of one line, each mapped back to its character so the text can be extracted.
    fn glyphs(&self, text: &str) -> Result<Vec<KrillaGlyph>, LetterPdfError> {
        text.char_indices()
            .map(|(at, c)| {
                let (id, advance) = self.glyph(c)?;
                Ok(KrillaGlyph::new(
                    id,
                    advance,
                    0.0,
                    0.0,
                    0.0,
                    at..at + c.len_utf8(),
                    None,
                ))
            })
            .collect()
    }

    /// Width of some text at a size, in points.
    fn width(&self, text: &str, size: f32) -> Result<f32, LetterPdfError> {
        let mut ems = 0.0;
        for c in text.chars() {
            ems += self.glyph(c)?.1;
        }
        Ok(ems * size)
    }
}

/// One line placed on a page.
struct Line {
    /// Page index in the whole file.
    page: usize,
    /// Which block of its letter the line belongs to (see [`TITLE_BLOCK`]).
    block: usize,
    /// Distance of the baseline from the top of the page.
    baseline: f32,
    size: f32,
    bold: bool,
    text: String,
}

struct LetterLayout {
    lines: Vec<Line>,
    blocks: usize,
    last_page: usize,
    /// Page and top of the subject, for the outline.
    title_at: (usize, f32),
}

/// Places a letter's lines on pages, starting on a new page `first_page`.
fn lay_out(
    letter: &LetterContent,
    faces: &Faces,
    first_page: usize,
) -> Result<LetterLayout, LetterPdfError> {
    let body = f32::from(letter.points);
    let heading = body * HEADING_SCALE;
    let gap = body * LINE_SPACING;

    let mut blocks: Vec<&[String]> = vec![
        &letter.sender,
        &letter.recipient,
        std::slice::from_ref(&letter.date),
        std::slice::from_ref(&letter.title),
    ];
    blocks.extend(letter.paragraphs.iter().map(std::slice::from_ref));

    let mut lines = Vec::new();
    let mut page = first_page;
    let mut top = MARGIN;
    let mut title_at = (first_page, MARGIN);
    for (block, source) in blocks.iter().enumerate() {
        let is_title = block == TITLE_BLOCK;
        let (face, size) = if is_title {
            (&faces.bold, heading)
        } else {
            (&faces.regular, body)
        };
        let mut wrapped = Vec::new();
        for text in source.iter() {
            wrapped.extend(wrap(face, text, size)?);
        }
        if wrapped.is_empty() {
            continue;
        }

        let line_height = size * LINE_SPACING;
        if top > MARGIN {
            top += gap;
        }
        // The subject stays on the same page as the first line after it.
        let keep_together = if is_title {
            line_height * wrapped.len() as f32 + gap + body * LINE_SPACING
        } else {
            line_height
        };
        if top + keep_together > TEXT_BOTTOM && top > MARGIN {
            page += 1;
            top = MARGIN;
        }
        if is_title {
            title_at = (page, top);
        }
        for text in wrapped {
            if top + line_height > TEXT_BOTTOM && top > MARGIN {
                page += 1;
                top = MARGIN;
            }
            // The glyphs sit in the middle of their line's height.
            let half_leading = (line_height - (face.ascent + face.descent) * size) / 2.0;
            lines.push(Line {
                page,
                block,
                baseline: top + half_leading + face.ascent * size,
                size,
                bold: is_title,
                text,
            });
            top += line_height;
        }
    }
    Ok(LetterLayout {
        lines,
        blocks: blocks.len(),
        last_page: page,
        title_at,
    })
}

/// Breaks text into lines no wider than the text width, at spaces; runs of white space become one
/// space. A word wider than a line is split over as many lines as it needs.
fn wrap(face: &Face, text: &str, size: f32) -> Result<Vec<String>, LetterPdfError> {
    let space = face.width(" ", size)?;
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    // A no-break space keeps its words together.
    for word in text
        .split(|c: char| c.is_whitespace() && c != '\u{a0}')
        .filter(|w| !w.is_empty())
    {
        let width = face.width(word, size)?;
        if !line.is_empty() {
            if line_width + space + width <= TEXT_WIDTH {
                line.push(' ');
                line.push_str(word);
                line_width += space + width;
                continue;
            }
            lines.push(std::mem::take(&mut line));
        }
        let mut rest = word;
        loop {
            let (piece, remainder) = split_to_fit(face, rest, size)?;
            if remainder.is_empty() {
                line = piece.to_string();
                line_width = face.width(piece, size)?;
                break;
            }
            lines.push(piece.to_string());
            rest = remainder;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Ok(lines)
}

/// The longest start of a word that fits on a line (at least one character), and the rest. When
/// the word must be split, it is split after the last of [`BREAK_AFTER`] that fits, if that fills
/// at least half the line, so a web address breaks between its parts.
fn split_to_fit<'a>(
    face: &Face,
    word: &'a str,
    size: f32,
) -> Result<(&'a str, &'a str), LetterPdfError> {
    let mut width = 0.0;
    let mut fits = 0;
    let mut late_break = None;
    for (at, c) in word.char_indices() {
        width += face.glyph(c)?.1 * size;
        if width > TEXT_WIDTH && fits > 0 {
            break;
        }
        fits = at + c.len_utf8();
        if BREAK_AFTER.contains(&c) && width >= TEXT_WIDTH / 2.0 {
            late_break = Some(fits);
        }
    }
    if fits == word.len() {
        return Ok((word, ""));
    }
    Ok(word.split_at(late_break.unwrap_or(fits)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::content::Content;
    use lopdf::{Dictionary, Document as Pdf, Object};

    fn letter(language: Locale, points: u8, paragraphs: &[&str]) -> LetterContent {
        LetterContent {
            language,
            points,
            sender: vec![
                "Gwent Disability Partnership".into(),
                "1 Bridge Street".into(),
                "Newport NP20 4AA".into(),
            ],
            recipient: vec![
                "Siân Ellis".into(),
                "22 Heol y Parc".into(),
                "Cwmbran NP44 3XY".into(),
            ],
            date: "5 December 2026".into(),
            title: "Your place on the transport panel".into(),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        }
    }

    fn read(bytes: &[u8]) -> Pdf {
        Pdf::load_mem(bytes).expect("the PDF reads back")
    }

    fn resolve<'a>(pdf: &'a Pdf, object: &'a Object) -> &'a Object {
        match object {
            Object::Reference(id) => pdf.get_object(*id).expect("reference resolves"),
            other => other,
        }
    }

    fn dict<'a>(pdf: &'a Pdf, parent: &'a Dictionary, key: &[u8]) -> &'a Dictionary {
        resolve(pdf, parent.get(key).expect("key present"))
            .as_dict()
            .expect("a dictionary")
    }

    /// Each page's text, in page order, one line of text per text object: the content streams
    /// decoded through each font's ToUnicode map, as a screen reader or copy and paste reads them.
    fn page_texts(pdf: &Pdf) -> Vec<String> {
        pdf.get_pages()
            .values()
            .map(|page| {
                let mut maps = std::collections::HashMap::new();
                for (name, font) in pdf.get_page_fonts(*page).unwrap() {
                    let cmap = resolve(pdf, font.get(b"ToUnicode").expect("ToUnicode map"))
                        .as_stream()
                        .unwrap();
                    let cmap = cmap.decompressed_content().unwrap_or(cmap.content.clone());
                    maps.insert(name, to_unicode(&String::from_utf8_lossy(&cmap)));
                }
                let content = Content::decode(&pdf.get_page_content(*page).unwrap()).unwrap();
                let mut text = String::new();
                let mut font = Vec::new();
                for op in &content.operations {
                    let strings = match op.operator.as_str() {
                        "Tf" => {
                            font = op.operands[0].as_name().unwrap().to_vec();
                            continue;
                        }
                        "Tj" => vec![op.operands[0].clone()],
                        "TJ" => op.operands[0].as_array().unwrap().clone(),
                        "ET" => {
                            text.push('\n');
                            continue;
                        }
                        _ => continue,
                    };
                    for string in strings.iter().filter_map(|s| s.as_str().ok()) {
                        for code in string.chunks(2) {
                            let code = u16::from_be_bytes([code[0], code[1]]);
                            text.push_str(&maps[&font][&code]);
                        }
                    }
                }
                text
            })
            .collect()
    }

    /// The `bfchar` entries of a ToUnicode CMap: two-byte code to text.
    fn to_unicode(cmap: &str) -> std::collections::HashMap<u16, String> {
        let hex = |s: &str| s.trim_matches(|c| c == '<' || c == '>').to_string();
        let mut map = std::collections::HashMap::new();
        for section in cmap.split("beginbfchar").skip(1) {
            let section = section.split("endbfchar").next().unwrap();
            for line in section.lines().filter(|l| l.starts_with('<')) {
                let (code, target) = line.split_once(' ').unwrap();
                let code = u16::from_str_radix(&hex(code), 16).unwrap();
                let target = hex(target);
                let units: Vec<u16> = (0..target.len())
                    .step_by(4)
                    .map(|i| u16::from_str_radix(&target[i..i + 4], 16).unwrap())
                    .collect();
                map.insert(code, String::from_utf16(&units).unwrap());
            }
        }
        assert!(!cmap.contains("beginbfrange"), "ranges are not read here");
        map
    }

    /// Every font size set by a `Tf` operator on any page.
    fn font_sizes(pdf: &Pdf) -> Vec<f32> {
        let mut sizes = Vec::new();
        for page in pdf.get_pages().values() {
            let content = Content::decode(&pdf.get_page_content(*page).unwrap()).unwrap();
            for op in content.operations.iter().filter(|op| op.operator == "Tf") {
                sizes.push(op.operands[1].as_float().unwrap());
            }
        }
        sizes
    }

    /// The structure types of a letter's blocks, in the order of the structure tree.
    fn block_roles(pdf: &Pdf) -> Vec<String> {
        let catalog = pdf.catalog().unwrap();
        let root = dict(pdf, catalog, b"StructTreeRoot");
        let kids = |d: &Dictionary| -> Vec<Dictionary> {
            let k = resolve(pdf, d.get(b"K").unwrap());
            let list = match k {
                Object::Array(items) => items.clone(),
                other => vec![other.clone()],
            };
            list.iter()
                .filter_map(|o| resolve(pdf, o).as_dict().ok().cloned())
                .collect()
        };
        let name = |d: &Dictionary| {
            String::from_utf8(d.get(b"S").unwrap().as_name().unwrap().to_vec()).unwrap()
        };
        let document = &kids(root)[0];
        assert_eq!(name(document), "Document");
        let section = &kids(document)[0];
        assert_eq!(name(section), "Sect");
        kids(section)
            .iter()
            .filter(|d| d.get(b"S").is_ok())
            .map(name)
            .collect()
    }

    fn positions_in_order(text: &str, parts: &[&str]) {
        let mut from = 0;
        for part in parts {
            let found = text[from..]
                .find(part)
                .unwrap_or_else(|| panic!("{part:?} not found in order in {text:?}"));
            from += found + part.len();
        }
    }

    #[test]
    fn pdf_is_tagged_with_the_letters_language() {
        for (language, code) in [(Locale::Cy, "cy"), (Locale::En, "en")] {
            let pdf = read(&render(&letter(language, 12, &["Annwyl Siân, diolch."])).unwrap());
            let catalog = pdf.catalog().unwrap();
            let mark_info = dict(&pdf, catalog, b"MarkInfo");
            assert!(mark_info.get(b"Marked").unwrap().as_bool().unwrap());
            assert!(catalog.get(b"StructTreeRoot").is_ok());
            assert_eq!(
                catalog.get(b"Lang").unwrap().as_str().unwrap(),
                code.as_bytes()
            );
            let info = dict(&pdf, &pdf.trailer, b"Info");
            assert_eq!(
                info.get(b"Title").unwrap().as_str().unwrap(),
                b"Your place on the transport panel"
            );
        }
    }

    #[test]
    fn blocks_are_tagged_as_paragraphs_and_the_subject_as_the_heading() {
        let pdf = read(&render(&letter(Locale::En, 12, &["One.", "Two."])).unwrap());
        assert_eq!(block_roles(&pdf), ["P", "P", "P", "H1", "P", "P"]);
    }

    #[test]
    fn text_extracts_in_reading_order() {
        let l = letter(
            Locale::Cy,
            16,
            &[
                "Diolch am ymuno â’r panel trafnidiaeth.",
                "Mae’r manylion ar https://example.org/panel/trafnidiaeth?iaith=cy",
            ],
        );
        let text = page_texts(&read(&render(&l).unwrap())).concat();
        positions_in_order(
            &text,
            &[
                "Gwent Disability Partnership",
                "Newport NP20 4AA",
                "Siân Ellis",
                "Cwmbran NP44 3XY",
                "5 December 2026",
                "Your place on the transport panel",
                "Diolch am ymuno â’r panel trafnidiaeth.",
                "https://example.org/panel/trafnidiaeth?iaith=cy",
            ],
        );
    }

    #[test]
    fn no_text_is_smaller_than_the_body_size() {
        for points in [20, 12] {
            let long = "Words to wrap over more than one line of the letter. ".repeat(8);
            let pdf = read(&render(&letter(Locale::En, points, &[&long, "Short."])).unwrap());
            let sizes = font_sizes(&pdf);
            let smallest = sizes.iter().copied().fold(f32::INFINITY, f32::min);
            let largest = sizes.iter().copied().fold(0.0, f32::max);
            assert_eq!(smallest, f32::from(points));
            assert!(largest > f32::from(points), "the heading is larger");
        }
    }

    #[test]
    fn a_long_letter_breaks_pages_and_keeps_every_paragraph() {
        let paragraphs: Vec<String> = (0..80)
            .map(|n| format!("Paragraph-{n:03}-start and some words to make it a line or two long enough to fill the page."))
            .collect();
        let refs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        let pdf = read(&render(&letter(Locale::En, 12, &refs)).unwrap());
        let pages = page_texts(&pdf);
        assert!(pages.len() > 1, "{} page(s)", pages.len());
        let markers: Vec<String> = (0..80).map(|n| format!("Paragraph-{n:03}-start")).collect();
        let markers: Vec<&str> = markers.iter().map(String::as_str).collect();
        positions_in_order(&pages.concat(), &markers);
    }

    #[test]
    fn large_print_wraps_long_addresses_within_the_margins() {
        let mut l = letter(
            Locale::En,
            36,
            &[
                "https://example.org/a/very/long/address/that/cannot/fit/on/one/line/at/thirty-six/points",
            ],
        );
        l.recipient
            .push("Flat 12, Tŷ Gwyn Sheltered Housing, Ffordd Llanfrechfa Grange".into());
        let faces = Faces {
            regular: Face::load(REGULAR).unwrap(),
            bold: Face::load(BOLD).unwrap(),
        };
        let layout = lay_out(&l, &faces, 0).unwrap();
        for line in &layout.lines {
            let face = if line.bold {
                &faces.bold
            } else {
                &faces.regular
            };
            assert!(
                face.width(&line.text, line.size).unwrap() <= TEXT_WIDTH,
                "{:?}",
                line.text
            );
            assert!(line.baseline < TEXT_BOTTOM);
        }
        let address: String = layout
            .lines
            .iter()
            .filter(|line| line.block == 4)
            .map(|line| line.text.as_str())
            .collect();
        assert_eq!(address, l.paragraphs[0]);
    }

    #[test]
    fn a_batch_starts_each_letter_on_a_new_page() {
        let letters: Vec<LetterContent> = ["Siân Ellis", "Dewi Morgan", "Priya Shah"]
            .into_iter()
            .map(|name| {
                let mut l = letter(Locale::En, 16, &["A short letter."]);
                l.recipient[0] = name.into();
                l
            })
            .collect();
        let pages = page_texts(&read(&render_batch(&letters).unwrap()));
        assert!(pages.len() >= 3);
        let first_pages: Vec<&String> = pages
            .iter()
            .filter(|text| {
                text.trim_start()
                    .starts_with("Gwent Disability Partnership")
            })
            .collect();
        assert_eq!(first_pages.len(), 3, "{pages:?}");
        for (page, name) in first_pages
            .iter()
            .zip(["Siân Ellis", "Dewi Morgan", "Priya Shah"])
        {
            // The recipient's name is the first text after the sender's address.
            let after_sender = page.split("Newport NP20 4AA").nth(1).unwrap();
            assert!(after_sender.trim_start().starts_with(name), "{page:?}");
        }
    }

    #[test]
    fn refuses_what_it_cannot_print() {
        assert_eq!(render_batch(&[]), Err(LetterPdfError::NoLetters));
        assert_eq!(
            render(&letter(Locale::En, 11, &[])),
            Err(LetterPdfError::TooSmall(11))
        );
        let mut untitled = letter(Locale::En, 12, &[]);
        untitled.title = " ".into();
        assert_eq!(render(&untitled), Err(LetterPdfError::NoTitle));
        assert_eq!(
            render(&letter(Locale::En, 12, &["漢"])),
            Err(LetterPdfError::MissingCharacter('漢'))
        );
    }
}
