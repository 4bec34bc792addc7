package smsplatform.domain;

/** Why an uploaded document is INVALID (DESIGN §5.5). */
public enum DocumentProblem {
    UnsupportedDocumentFormat("The file is not a JPEG, PNG or PDF"),
    ContentTypeMismatch("The file's content does not match the content type it was uploaded with"),
    DocumentTooLarge("The file is larger than 5 MiB"),
    EmptyDocument("The file is empty");

    private final String message;

    DocumentProblem(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
