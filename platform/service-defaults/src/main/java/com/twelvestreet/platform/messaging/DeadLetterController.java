package com.twelvestreet.platform.messaging;

import java.util.Map;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/dead-letters/{topic}/replay}: the operator's command to replay a
 * consumer's dead letters. Each service's security configuration restricts it to ADMIN tokens.
 */
@RestController
class DeadLetterController {

    private final DeadLetterReplayer replayer;

    DeadLetterController(DeadLetterReplayer replayer) {
        this.replayer = replayer;
    }

    @PostMapping("/api/admin/dead-letters/{topic}/replay")
    Map<String, Object> replay(@PathVariable String topic) {
        return Map.of("topic", topic, "replayed", replayer.replay(topic));
    }
}
