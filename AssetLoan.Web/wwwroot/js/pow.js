// The public form's proof of work (Infrastructure/Security/ApplyChallenge.cs): find a number n such that
// SHA-256("<challenge>:<n>") starts with the asked number of zero bits. It runs while the visitor types, in small
// steps so the page stays responsive; a press of the send button before it is done waits for it. Without
// JavaScript the form is sent without an answer, which the server allows a few times a day per network.
(() => {
    const input = document.querySelector('input[data-pow-bits]');
    if (!input || !input.form) { return; }
    const form = input.form;
    const answer = form.elements[input.dataset.powAnswer];
    const bits = Number(input.dataset.powBits);
    if (!answer || !(bits > 0)) { return; }

    const K = new Uint32Array([
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]);
    const w = new Uint32Array(64);

    // The first 32 bits of SHA-256(bytes): enough to count up to 32 leading zero bits.
    const firstWord = bytes => {
        const length = bytes.length;
        const total = ((length + 9 + 63) >> 6) << 6;
        const block = new Uint8Array(total);
        block.set(bytes);
        block[length] = 0x80;
        const view = new DataView(block.buffer);
        view.setUint32(total - 8, Math.floor(length / 0x20000000));
        view.setUint32(total - 4, (length * 8) >>> 0);
        let h0 = 0x6a09e667, h1 = 0xbb67ae85, h2 = 0x3c6ef372, h3 = 0xa54ff53a;
        let h4 = 0x510e527f, h5 = 0x9b05688c, h6 = 0x1f83d9ab, h7 = 0x5be0cd19;
        for (let offset = 0; offset < total; offset += 64) {
            for (let i = 0; i < 16; i++) { w[i] = view.getUint32(offset + i * 4); }
            for (let i = 16; i < 64; i++) {
                const x = w[i - 15], y = w[i - 2];
                const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
                const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
                w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
            }
            let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
            for (let i = 0; i < 64; i++) {
                const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
                const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
                const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
                const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
                h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
            }
            h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
            h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
        }
        return h0 >>> 0;
    };

    const encoder = new TextEncoder();
    const solve = challenge => new Promise(resolve => {
        let n = 0;
        const step = () => {
            for (const end = n + 3000; n < end; n++) {
                if (Math.clz32(firstWord(encoder.encode(`${challenge}:${n}`))) >= bits) {
                    answer.value = String(n);
                    resolve();
                    return;
                }
            }
            setTimeout(step, 0);
        };
        step();
    });
    const solved = answer.value ? Promise.resolve() : solve(input.value);

    let waiting = false;
    form.addEventListener('submit', e => {
        if (e.defaultPrevented || answer.value || (e.submitter && e.submitter.hasAttribute('formnovalidate'))) { return; }
        e.preventDefault();
        if (waiting) { return; }
        waiting = true;
        const submitter = e.submitter;
        form.setAttribute('aria-busy', 'true');
        solved.then(() => {
            waiting = false;
            form.removeAttribute('aria-busy');
            form.requestSubmit(submitter || undefined);
        });
    });
})();
