package org.sohbet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SohbetApplication {

    public static void main(String[] args) {
        // Tomcat gives every WebSocket three buffers of this size for reading, writing and encoding. 8 KiB each made
        // an idle widget socket expensive; messages larger than the buffer still flow, in parts (ADR 12).
        if (System.getProperty("org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE") == null) {
            System.setProperty("org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE", "2048");
        }
        SpringApplication.run(SohbetApplication.class, args);
    }
}
