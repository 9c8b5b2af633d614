package dev.interleave.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** The embeddable replay ({@code /s/{slug}?embed=1}). Reads from the environment too, e.g. {@code INTERLEAVE_EMBED_FRAME_ANCESTORS}. */
@ConfigMapping(prefix = "interleave.embed")
public interface EmbedConfig {

    /**
     * Who may show the embed view in a frame: CSP {@code frame-ancestors} sources such as
     * {@code https://lms.example.edu} or {@code 'self'}; {@code *} (the default) lets any site embed it, since it is
     * read-only. Every other page may not be framed at all.
     */
    @WithDefault("*")
    List<String> frameAncestors();
}
