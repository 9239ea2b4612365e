package cn.zhifa.academy.qualification;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.pdf.CjkPdf;

/**
 * The certificate (资格证书) of a qualification as PDF: holder, number, type, domain, issuing
 * body, dates and a QR code with the public verification URL. Rendered on request from the
 * database rather than stored: the content is a handful of fields that change (renewal,
 * state, a corrected name), so a stored copy would go stale, and the verification page — not
 * the paper — is the authority. Creation date is the issue date, so the same state renders the
 * same content.
 */
@ApplicationScoped
public class CertificatePdf {

    @Inject
    QualificationConfig config;

    @Inject
    PublicAddress address;

    public String verificationUrl(String number) {
        return address.base() + "/verify/" + number;
    }

    public byte[] render(QualificationQueries.View v) throws IOException {
        try (CjkPdf pdf = new CjkPdf(v.typeName() + " " + v.number(), CjkPdf.calendar(v.issuedOn()))) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.doc.addPage(page);
            float w = PDRectangle.A4.getWidth();
            float h = PDRectangle.A4.getHeight();
            try (PDPageContentStream cs = new PDPageContentStream(pdf.doc, page)) {
                cs.setLineWidth(2f);
                cs.addRect(30, 30, w - 60, h - 60);
                cs.stroke();
                cs.setLineWidth(0.6f);
                cs.addRect(38, 38, w - 76, h - 76);
                cs.stroke();
                QualMessages m = QualText.of(ErrorTexts.currentLocale());
                centered(pdf, cs, m.cert_title(v.typeName()), 28, h - 120, w);
                centered(pdf, cs, "Qualification certificate · " + v.typeNameEn(), 12, h - 145, w);
                float y = h - 220;
                String[][] rows = {
                        { m.cert_holder(), v.personName() },
                        { m.cert_number(), v.number() },
                        { m.cert_type(), v.typeName() },
                        { m.cert_domain(), v.domainName() },
                        { m.cert_unit(), v.unitName() },
                        { m.cert_issuer(), v.issuingBody() },
                        { m.cert_issued(), v.issuedOn().toString() },
                        { m.cert_valid_until(), v.expiresOn().toString() },
                };
                for (String[] r : rows) {
                    pdf.text(cs, r[0], 12, 80, y);
                    pdf.text(cs, r[1], 16, 220, y);
                    y -= 34;
                }
                if (v.state() != QualificationState.VALID) {
                    String stamp = switch (v.state()) {
                        case SUSPENDED -> m.cert_stamp_SUSPENDED();
                        case CANCELLED -> m.cert_stamp_CANCELLED();
                        default -> m.cert_stamp_EXPIRED();
                    };
                    cs.setNonStrokingColor(0.75f, 0.1f, 0.1f);
                    pdf.text(cs, m.cert_stamp_since(stamp, String.valueOf(v.stateSince())), 20, 80, y - 10);
                    cs.setNonStrokingColor(0f, 0f, 0f);
                }
                String url = verificationUrl(v.number());
                PDImageXObject qr = LosslessFactory.createFromImage(pdf.doc, qr(url, 4));
                float size = 140;
                cs.drawImage(qr, w - 80 - size, 90, size, size);
                pdf.text(cs, m.cert_scan(), 10, 80, 170);
                pdf.text(cs, "Scan to verify the current state", 9, 80, 155);
                pdf.text(cs, url, 8, 80, 135);
                pdf.text(cs, m.cert_state_note(), 10, 80, 110);
            }
            return pdf.bytes();
        }
    }

    private static void centered(CjkPdf pdf, PDPageContentStream cs, String text, float size, float y, float pageWidth)
            throws IOException {
        pdf.text(cs, text, size, (pageWidth - pdf.width(text, size)) / 2, y);
    }

    /** A QR code as a black-and-white image, {@code scale} pixels per module, with a quiet zone. */
    static BufferedImage qr(String content, int scale) {
        try {
            BitMatrix m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 4, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            BufferedImage img = new BufferedImage(m.getWidth() * scale, m.getHeight() * scale, BufferedImage.TYPE_BYTE_GRAY);
            for (int x = 0; x < img.getWidth(); x++) {
                for (int y = 0; y < img.getHeight(); y++) {
                    img.setRGB(x, y, m.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            return img;
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }
}
