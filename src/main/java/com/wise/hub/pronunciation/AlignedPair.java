package com.wise.hub.pronunciation;

/**
 * One step of an alignment between the expected and the recognized phoneme sequences.
 *
 * @param kind       what happened to the expected phoneme, or INSERTED for an extra recognized one
 * @param expected   index into the expected sequence, or -1 for an insertion
 * @param recognized index into the recognized sequence, or -1 for a deletion
 */
record AlignedPair(Kind kind, int expected, int recognized) {

    enum Kind {
        /** Expected and recognized are the same phoneme. */
        CORRECT,
        /** Another phoneme was recognized in its place. */
        SUBSTITUTED,
        /** The expected phoneme was not heard. */
        DELETED,
        /** A phoneme was heard that the text does not contain. */
        INSERTED
    }
}
