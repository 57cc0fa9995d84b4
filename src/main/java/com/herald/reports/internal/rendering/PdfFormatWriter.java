package com.herald.reports.internal.rendering;

import com.herald.reports.RenderRequest;
import com.herald.reports.ReportRenderingException;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * PDF from a Thymeleaf layout through openhtmltopdf, in chunks: openhtmltopdf lays out a whole DOM in memory, so the
 * rows are cut into chunks of {@value #CHUNK_ROWS}; each chunk is rendered from the layout into the same PDFBox
 * document (whose page streams live in a temporary file), then forgotten. Each chunk's table repeats the header row on
 * every page; a chunk starts on a new page. Page numbers ("Page 3 of 120") are stamped at the end. The number of rows
 * is capped by {@link RenderRequest#effectiveMaxRows()} (default {@value RenderRequest#DEFAULT_PDF_MAX_ROWS}).
 */
final class PdfFormatWriter implements FormatWriter {

    static final int CHUNK_ROWS = 1000;

    static final String DEFAULT_LAYOUT = resource("default-pdf-layout.html");

    private final TemplateEngine engine;

    PdfFormatWriter() {
        // openhtmltopdf logs half a dozen INFO lines per document, i.e. per chunk: keep its warnings only
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.WARNING);
        }
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    @Override
    public long write(RowCursor cursor, RenderRequest request, CountingOutputStream out, Limits limits)
            throws SQLException, IOException {
        String layout =
                request.layoutTemplate() == null || request.layoutTemplate().isBlank()
                        ? DEFAULT_LAYOUT
                        : request.layoutTemplate();
        Column[] columns = cursor.columns();
        List<ColumnView> columnViews = Arrays.stream(columns)
                .map(c -> new ColumnView(c.label(), c.kind().numeric()))
                .toList();
        String generatedAt =
                HtmlFormatWriter.GENERATED_AT.format(request.generatedAt().atZone(request.zone()));
        try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            long rows = 0;
            boolean first = true;
            boolean more = cursor.next();
            List<List<String>> chunk = new ArrayList<>(CHUNK_ROWS);
            do {
                chunk.clear();
                while (more && chunk.size() < CHUNK_ROWS) {
                    if (!limits.mayWrite(rows + chunk.size())) {
                        more = false;
                        break;
                    }
                    chunk.add(texts(cursor.read()));
                    more = cursor.next();
                }
                rows += chunk.size();
                Map<String, Object> variables = new HashMap<>(request.variables());
                variables.put("vars", request.variables());
                variables.put("title", request.title());
                variables.put("period", request.periodLabel());
                variables.put("generatedAt", generatedAt);
                variables.put("columns", columnViews);
                variables.put("rows", chunk);
                variables.put("tableHtml", tableHtml(columnViews, chunk));
                variables.put("firstChunk", first);
                variables.put("lastChunk", !more);
                variables.put("rowCount", rows);
                variables.put("truncated", limits.stoppedByRows || limits.stoppedBySize);
                renderChunk(document, layout, variables);
                first = false;
            } while (more);
            stampPageNumbers(document);
            document.save(out);
            out.flush();
            return rows;
        }
    }

    private void renderChunk(PDDocument document, String layout, Map<String, Object> variables) throws IOException {
        String html;
        try {
            html = engine.process(layout, new Context(null, variables));
        } catch (TemplateEngineException e) {
            throw new ReportRenderingException("The report layout could not be rendered: " + e.getMessage(), e);
        }
        org.w3c.dom.Document dom = W3CDom.convert(Jsoup.parse(html));
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .usePDDocument(document)
                .withProducer("Herald")
                // layouts may not load anything: no file, no network
                .useUriResolver((base, uri) -> uri != null && uri.startsWith("data:") ? uri : null)
                .withW3cDocument(dom, null);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.createPDFWithoutClosing();
        } catch (RuntimeException e) {
            throw new ReportRenderingException("The PDF could not be laid out: " + e.getMessage(), e);
        }
    }

    private static List<String> texts(Object[] values) {
        String[] texts = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            texts[i] = ValueText.of(values[i]);
        }
        return Arrays.asList(texts);
    }

    /** The chunk's table, escaped, for layouts that just place {@code th:utext="${tableHtml}"}. */
    static String tableHtml(List<ColumnView> columns, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder(256 + rows.size() * columns.size() * 24);
        sb.append("<table class=\"report\"><thead><tr>");
        for (ColumnView column : columns) {
            sb.append(column.numeric() ? "<th class=\"num\">" : "<th>");
            Html.escape(sb, column.label());
            sb.append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (int r = 0; r < rows.size(); r++) {
            sb.append((r & 1) == 0 ? "<tr>" : "<tr class=\"odd\">");
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                sb.append(columns.get(c).numeric() ? "<td class=\"num\">" : "<td>");
                Html.escape(sb, row.get(c));
                sb.append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</tbody></table>");
        return sb.toString();
    }

    private static void stampPageNumbers(PDDocument document) throws IOException {
        int total = document.getNumberOfPages();
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        int number = 0;
        for (PDPage page : document.getPages()) {
            number++;
            String text = "Page " + number + " of " + total;
            PDRectangle box = page.getMediaBox();
            float width = font.getStringWidth(text) / 1000 * 7;
            try (PDPageContentStream content =
                    new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                content.beginText();
                content.setFont(font, 7);
                content.setNonStrokingColor(0.42f, 0.46f, 0.49f);
                content.newLineAtOffset(box.getUpperRightX() - 28.35f - width, box.getLowerLeftY() + 22);
                content.showText(text);
                content.endText();
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = PdfFormatWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A column as a layout sees it: {@code ${columns[0].label}}, {@code ${columns[0].numeric}}. */
    public record ColumnView(String label, boolean numeric) {}
}
