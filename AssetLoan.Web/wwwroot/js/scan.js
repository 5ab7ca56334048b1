/*
 * scan.js: read a QR label with the phone's camera into any text field. Progressive enhancement only: every page
 * that uses it also works by typing, or with a USB/Bluetooth barcode scanner that types into the field and presses Enter.
 *
 * Contract (the handover and return pages rely on it; keep it stable):
 *   <input data-scan-target>           gets a "สแกน" button right after it, which opens the camera in a dialog.
 *   <input data-scan-target="submit">  the same, and the input's form is submitted after a successful scan.
 *   data-scan-label="…"                optional text for the button (default "สแกน" / "Scan").
 * When a code is read, its text is normalised: a URL containing /a/{tag} (or /qr/{tag}.png) becomes the tag in capitals;
 * anything else is trimmed with runs of spaces collapsed (an asset number such as 490-64-0001). The value replaces
 * input.value, then an "input" and a "change" event fire (both bubble), so the page's own script can add the unit.
 * The server does the same normalisation for typed or scanner-typed values (Data/TagQueries.cs, Normalize).
 *
 * Include it on a page with:
 *   @section Scripts { <script src="~/js/scan.js" asp-append-version="true"></script> }
 * The qr-scanner library (npm, copied by the build to /lib/qr-scanner/) loads on the first click only. Browsers allow
 * the camera only over HTTPS or on localhost; otherwise the dialog says so and the field still works.
 */
(() => {
    'use strict';

    const LIBRARY = '/lib/qr-scanner/qr-scanner.umd.min.js';
    const thai = (document.documentElement.lang || 'th') !== 'en';
    const text = (th, en) => (thai ? th : en);
    let libraryLoading = null;

    function normalise(decoded) {
        const value = String(decoded ?? '').trim().split(/\s+/).filter(Boolean).join(' ');
        const match = value.match(/\/(?:a|qr)\/([^/?#.]+)/i);
        if (match && (value.includes('://') || value.startsWith('/'))) {
            return match[1].toUpperCase();
        }
        return value;
    }

    function loadLibrary() {
        if (window.QrScanner) {
            return Promise.resolve(window.QrScanner);
        }
        libraryLoading ??= new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = LIBRARY;
            script.async = true;
            script.onload = () => (window.QrScanner ? resolve(window.QrScanner) : reject(new Error('QrScanner missing')));
            script.onerror = () => {
                libraryLoading = null;
                reject(new Error('QrScanner failed to load'));
            };
            document.head.appendChild(script);
        });
        return libraryLoading;
    }

    function buildDialog() {
        const dialog = document.createElement('dialog');
        dialog.setAttribute('aria-label', text('สแกนคิวอาร์โค้ด', 'Scan a QR code'));
        Object.assign(dialog.style, { border: '0', borderRadius: '0.5rem', padding: '0', width: 'min(32rem, 96vw)' });

        const video = document.createElement('video');
        video.muted = true;
        video.setAttribute('playsinline', '');
        Object.assign(video.style, { display: 'block', width: '100%', maxHeight: '70vh', objectFit: 'cover', background: '#000' });

        const bar = document.createElement('div');
        Object.assign(bar.style, { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '0.5rem', padding: '0.5rem 0.75rem' });
        const status = document.createElement('p');
        status.className = 'mb-0 small';
        status.setAttribute('role', 'status');
        const close = document.createElement('button');
        close.type = 'button';
        close.className = 'btn btn-secondary';
        close.textContent = text('ปิด', 'Close');
        close.addEventListener('click', () => dialog.close());
        bar.append(status, close);
        const overlay = buildOverlay();
        dialog.append(video, overlay, bar);
        document.body.appendChild(dialog);
        return { dialog, video, overlay, status };
    }

    // The yellow corners around the scan region. qr-scanner would draw them itself, but as markup with a style
    // attribute, which the CSP (style-src 'self') refuses; the same frame built here is styled through the CSSOM,
    // which the CSP allows. Given as the overlay option, qr-scanner places it over the video as it did its own.
    function buildOverlay() {
        const svgNs = 'http://www.w3.org/2000/svg';
        const overlay = document.createElement('div');
        // Out of sight until the video plays (qr-scanner then clears display and sets the frame's place and size).
        Object.assign(overlay.style, { position: 'absolute', display: 'none', pointerEvents: 'none' });
        const svg = document.createElementNS(svgNs, 'svg');
        svg.setAttribute('class', 'scan-region-highlight-svg');
        svg.setAttribute('viewBox', '0 0 238 238');
        svg.setAttribute('preserveAspectRatio', 'none');
        Object.assign(svg.style, {
            position: 'absolute', width: '100%', height: '100%', left: '0', top: '0',
            fill: 'none', stroke: '#e9b213', strokeWidth: '4', strokeLinecap: 'round', strokeLinejoin: 'round',
        });
        const path = document.createElementNS(svgNs, 'path');
        path.setAttribute('d', 'M31 2H10a8 8 0 0 0-8 8v21M207 2h21a8 8 0 0 1 8 8v21m0 176v21a8 8 0 0 1-8 8h-21m-176 0H10a8 8 0 0 1-8-8v-21');
        svg.appendChild(path);
        overlay.appendChild(svg);
        try {
            svg.animate({ transform: ['scale(.98)', 'scale(1.01)'] }, { duration: 400, iterations: Infinity, direction: 'alternate', easing: 'ease-in-out' });
        } catch {
            // No Web Animations: the frame stands still.
        }
        return overlay;
    }

    async function scanInto(input) {
        const { dialog, video, overlay, status } = buildDialog();
        let scanner = null;
        dialog.addEventListener('close', () => {
            if (scanner) {
                scanner.stop();
                scanner.destroy();
            }
            dialog.remove();
        });
        dialog.showModal();

        if (!window.isSecureContext || !navigator.mediaDevices) {
            video.hidden = true;
            status.textContent = text(
                'เบราว์เซอร์ใช้กล้องได้เฉพาะเมื่อเปิดระบบผ่าน HTTPS กรุณาใช้เครื่องอ่านบาร์โค้ดหรือพิมพ์รหัสแทน',
                'The camera works only over HTTPS. Use a barcode scanner or type the code instead.');
            return;
        }

        status.textContent = text('กำลังเปิดกล้อง…', 'Opening the camera…');
        try {
            const QrScanner = await loadLibrary();
            if (!dialog.open) {
                return;
            }
            if (!(await QrScanner.hasCamera())) {
                video.hidden = true;
                status.textContent = text('ไม่พบกล้องบนอุปกรณ์นี้ กรุณาใช้เครื่องอ่านบาร์โค้ดหรือพิมพ์รหัสแทน', 'No camera found. Use a barcode scanner or type the code instead.');
                return;
            }
            scanner = new QrScanner(video, result => {
                const value = normalise(result.data);
                if (!value) {
                    return;
                }
                navigator.vibrate?.(80);
                dialog.close();
                input.value = value;
                input.dispatchEvent(new Event('input', { bubbles: true }));
                input.dispatchEvent(new Event('change', { bubbles: true }));
                input.focus();
                if (input.dataset.scanTarget === 'submit' && input.form) {
                    input.form.requestSubmit();
                }
            }, { returnDetailedScanResult: true, preferredCamera: 'environment', maxScansPerSecond: 10, highlightScanRegion: true, overlay });
            await scanner.start();
            status.textContent = text('เล็งกล้องไปที่คิวอาร์โค้ดบนป้าย', 'Point the camera at the QR code on the label.');
        } catch (error) {
            video.hidden = true;
            status.textContent = text(
                'เปิดกล้องไม่ได้ (อาจยังไม่ได้อนุญาตให้ใช้กล้อง) กรุณาใช้เครื่องอ่านบาร์โค้ดหรือพิมพ์รหัสแทน',
                'The camera could not start (permission may be denied). Use a barcode scanner or type the code instead.');
            console.warn('scan.js', error);
        }
    }

    function enhance(input) {
        if (input.dataset.scanReady) {
            return;
        }
        input.dataset.scanReady = '1';
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'btn btn-outline-primary scan-button';
        button.textContent = input.dataset.scanLabel || text('สแกน', 'Scan');
        button.setAttribute('aria-label', text('สแกนคิวอาร์โค้ดด้วยกล้อง', 'Scan a QR code with the camera'));
        button.addEventListener('click', () => scanInto(input));
        input.insertAdjacentElement('afterend', button);
    }

    document.querySelectorAll('input[data-scan-target]').forEach(enhance);
    window.AssetLoanScan = { normalise, enhance };
})();
