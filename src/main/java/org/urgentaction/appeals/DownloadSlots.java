package org.urgentaction.appeals;

import java.util.concurrent.Semaphore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many documents this instance sends at once. Each download holds a request thread and, slice
 * by slice, database connections; 200 at once made the public pages wait. Past the bound a download
 * is refused at once (503, try again shortly) instead of queueing behind the others.
 */
@Component
class DownloadSlots {

    private final Semaphore slots;

    DownloadSlots(@Value("${urgent-action.downloads.max-concurrent:4}") int maxConcurrent) {
        this.slots = new Semaphore(maxConcurrent);
    }

    /** A slot, or false at once when all are taken. */
    boolean tryTake() {
        return slots.tryAcquire();
    }

    void give() {
        slots.release();
    }
}
