package org.ssm.algorithms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssm.core.ParameterException;

class QualityRulesTest {

    @Test
    void parsesBitFieldsAndRangesAndPrintsThemBack() {
        QualityRules r = QualityRules.parse("rules", "bits=0-1:0,1;6-7:0 range=250:350");
        assertEquals(List.of(BitField.of(0, 1, 0, 1), BitField.of(6, 7, 0)), r.bitFields());
        assertEquals(List.of(new ValueRange(250, 350)), r.valueRanges());
        assertEquals("bits=0-1:0,1;6-7:0 range=250.0:350.0", r.text());
        assertEquals(r, QualityRules.parse("rules", r.text()));
        assertTrue(r.needsQc());
    }

    @Test
    void acceptsBinaryValuesSingleBitsAnyCaseAndRepeatedClauses() {
        QualityRules r = QualityRules.parse("rules", " BITS=2-5:0b0011,0b0000,3  bits=8:0\tRange=-0.2:1 range=0:2.5e0 ");
        assertEquals(List.of(BitField.of(2, 5, 0, 3), BitField.of(8, 8, 0)), r.bitFields());
        assertEquals(List.of(new ValueRange(-0.2, 1), new ValueRange(0, 2.5)), r.valueRanges());
        assertEquals("bits=2-5:0,3;8:0 range=-0.2:1.0 range=0.0:2.5", r.text());
        assertFalse(QualityRules.parse("rules", "range=0:1").needsQc());
    }

    @Test
    void bitFieldReadsItsBitsFromTheLeastSignificant() {
        BitField usefulness = BitField.of(2, 5, 0, 1, 2, 3);
        // 0b1011_0100: bits 2-5 hold 0b1101 = 13.
        assertEquals(13, usefulness.valueIn(0b1011_0100));
        assertFalse(usefulness.accepts(0b1011_0100));
        assertTrue(usefulness.accepts(0b0000_1100));
        assertEquals(4, usefulness.width());
    }

    private static ParameterException error(String text) {
        return assertThrows(ParameterException.class, () -> QualityRules.parse("rules", text));
    }

    @Test
    void errorsNameTheParameterTheTokenAndWhatIsAllowed() {
        ParameterException tooLarge = error("bits=0-1:0;0-1:4");
        assertEquals("rules", tooLarge.parameter());
        assertTrue(tooLarge.getMessage().contains("'4' in 'bits=0-1:0;0-1:4'"), tooLarge.getMessage());
        assertTrue(tooLarge.getMessage().contains("integers 0 to 3"), tooLarge.getMessage());

        assertTrue(error("bits=0-24:0").getMessage().contains("'24' in 'bits=0-24:0'"));
        assertTrue(error("bits=0-24:0").getMessage().contains("a bit number 0 to 23"));
        assertTrue(error("bits=5-2:0").getMessage().contains("the first bit, then the last"));
        assertTrue(error("bits=0-16:0").getMessage().contains("at most 16 bits"));
        assertTrue(error("bits=0-1").getMessage().contains("a field FIRST-LAST:VALUES"));
        assertTrue(error("bits=0-1:0,").getMessage().contains("'' in 'bits=0-1:0,'"));
        assertTrue(error("bits=").getMessage().contains("at least one field"));
        assertTrue(error("bits=0-1:0b2").getMessage().contains("'0b2'"));
        assertTrue(error("range=1:0").getMessage().contains("MIN <= MAX"));
        assertTrue(error("range=NaN:1").getMessage().contains("'NaN' in 'range=NaN:1'"));
        assertTrue(error("range=0x1p3:9").getMessage().contains("'0x1p3'"));
        assertTrue(error("range=0").getMessage().contains("range=MIN:MAX"));
        ParameterException unknown = error("bits=0-1:0 mask=1");
        assertTrue(unknown.getMessage().contains("'mask=1' in 'bits=0-1:0 mask=1'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("bits=FIRST-LAST"), unknown.getMessage());
        assertEquals("rules", error("  ").parameter());
        assertEquals("qcRules", assertThrows(ParameterException.class, () -> QualityRules.parse("qcRules", "x=1"))
                .parameter(), "the caller's parameter name is used");
    }

    @Test
    void recordsValidateThemselves() {
        assertThrows(ParameterException.class, () -> BitField.of(0, 1));
        assertThrows(ParameterException.class, () -> BitField.of(0, 1, 4));
        assertThrows(ParameterException.class, () -> BitField.of(20, 24, 0));
        assertThrows(ParameterException.class, () -> new ValueRange(1, Double.POSITIVE_INFINITY));
        assertThrows(ParameterException.class, () -> new QualityRules(List.of(), List.of()));
        assertEquals(List.of(0, 2, 3), BitField.of(0, 1, 3, 0, 2, 3).accepted(), "sorted, no repeats");
    }
}
