package com.wise.hub.chat;

/**
 * A checked chat completion request, as the rest of its exchange needs it (exchange property {@code hubChat}).
 *
 * @param alias        the model alias the client named (or the default)
 * @param stream       true for {@code stream: true}
 * @param includeUsage true when the client asked for the usage chunk ({@code stream_options.include_usage})
 * @param maxTokens    the completion bound sent to the engine
 * @param promptBound  an upper bound of the prompt's tokens: its UTF-8 bytes plus a per-message allowance (a
 *                     byte-level tokenizer never makes more tokens than bytes)
 */
public record ChatRequest(String alias, boolean stream, boolean includeUsage, int maxTokens, long promptBound) {

    /** The most tokens the request can cost: what the token quota reserves. */
    public long tokenBound() {
        return promptBound + maxTokens;
    }
}
