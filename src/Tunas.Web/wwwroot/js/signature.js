// The signature pad of the kit hand-over: shown only where JavaScript runs; what is drawn goes into the hidden
// "signature" field as a PNG data URL when the form is sent.
(function () {
    const box = document.querySelector('[data-signature]');
    if (!box) {
        return;
    }
    box.classList.remove('d-none');
    const canvas = box.querySelector('canvas');
    const field = box.querySelector('input[name="signature"]');
    const ctx = canvas.getContext('2d');
    let drawing = false;
    let drawn = false;

    function fit() {
        canvas.width = canvas.clientWidth;
        ctx.lineWidth = 2;
        ctx.lineCap = 'round';
        ctx.strokeStyle = '#000';
    }

    function point(e) {
        const r = canvas.getBoundingClientRect();
        return { x: e.clientX - r.left, y: e.clientY - r.top };
    }

    canvas.addEventListener('pointerdown', function (e) {
        drawing = true;
        canvas.setPointerCapture(e.pointerId);
        const p = point(e);
        ctx.beginPath();
        ctx.moveTo(p.x, p.y);
    });
    canvas.addEventListener('pointermove', function (e) {
        if (!drawing) {
            return;
        }
        const p = point(e);
        ctx.lineTo(p.x, p.y);
        ctx.stroke();
        drawn = true;
    });
    ['pointerup', 'pointercancel'].forEach(function (name) {
        canvas.addEventListener(name, function () { drawing = false; });
    });
    box.querySelector('[data-signature-clear]').addEventListener('click', function () {
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        drawn = false;
    });
    box.closest('form').addEventListener('submit', function () {
        field.value = drawn ? canvas.toDataURL('image/png') : '';
    });
    fit();
})();
