// Receiver's signature drawn with a finger or a stylus on a touch screen. The drawing goes into a hidden field as a
// PNG data URL; the server accepts it only as a real PNG of at most 300 KB. Without JavaScript the pad stays hidden
// and the receiver signs the printed loan slip instead.
(function () {
    const pad = document.querySelector('[data-signature-pad]');
    const field = document.querySelector('[data-signature-value]');
    if (!pad || !field) { return; }
    const canvas = pad.querySelector('canvas');
    const ctx = canvas.getContext('2d');
    pad.classList.remove('d-none');
    document.querySelectorAll('[data-signature-fallback]').forEach(el => el.classList.add('d-none'));
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#0b2a4a';

    if (field.value && field.value.startsWith('data:image/png;base64,')) {
        const img = new Image();
        img.onload = () => ctx.drawImage(img, 0, 0);
        img.src = field.value;
    }

    let drawing = false;
    let drawn = !!field.value;
    function point(e) {
        const r = canvas.getBoundingClientRect();
        return { x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height };
    }
    canvas.addEventListener('pointerdown', e => {
        drawing = true;
        canvas.setPointerCapture(e.pointerId);
        const p = point(e);
        ctx.beginPath();
        ctx.moveTo(p.x, p.y);
        e.preventDefault();
    });
    canvas.addEventListener('pointermove', e => {
        if (!drawing) { return; }
        const p = point(e);
        ctx.lineTo(p.x, p.y);
        ctx.stroke();
        drawn = true;
    });
    function finish() {
        if (!drawing) { return; }
        drawing = false;
        if (drawn) { field.value = canvas.toDataURL('image/png'); }
    }
    canvas.addEventListener('pointerup', finish);
    canvas.addEventListener('pointercancel', finish);
    pad.querySelector('[data-signature-clear]')?.addEventListener('click', () => {
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        field.value = '';
        drawn = false;
    });
})();
