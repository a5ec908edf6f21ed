package org.exprflow.download;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of an ENCODE File object that decide what to fetch and how to verify it, as the ENCODE
 * REST API returns them (a file's own JSON, or an entry of an experiment's embedded "files" list).
 * Absent text fields are null; an absent file_size is -1.
 */
record EncodeFileRecord(String accession, String href, String md5sum, long fileSize, String fileFormat,
        String fileType, String outputType, String assembly, String status) {

    static EncodeFileRecord from(JsonNode json) {
        return new EncodeFileRecord(text(json, "accession"), text(json, "href"), text(json, "md5sum"),
                size(json.get("file_size")), text(json, "file_format"), text(json, "file_type"),
                text(json, "output_type"), text(json, "assembly"), text(json, "status"));
    }

    boolean released() {
        return "released".equals(status);
    }

    /** A short description for "nothing matched" messages: file_type / output_type / assembly / status. */
    String describe() {
        return fileType + " / " + outputType + " / " + assembly + " / " + status;
    }

    private static String text(JsonNode json, String key) {
        return json.path(key).textValue();
    }

    /** An integer that fits a long as it is; a whole non-negative fraction-form number (1.0e9) too. */
    private static long size(JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        double d = v.isNumber() ? v.doubleValue() : Double.NaN;
        if (d == Math.rint(d) && d >= 0) {
            return (long) d;
        }
        return -1;
    }
}
