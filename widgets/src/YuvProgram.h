#pragma once
// The wall's one shader program: samples the Y, Cb, Cr planes (three single-component textures, or a
// luma texture and an interleaved two-component chroma one) and converts Y'CbCr to R'G'B'.
// Owns the program, the VAO and the quad's vertex buffer. GUI thread, with the wall's context current.

#include <QOpenGLFunctions_3_3_Core>
#include <QString>

#include <memory>

class QOpenGLShaderProgram;

namespace vigie::widgets {

struct YuvToRgb;

class YuvProgram {
public:
    YuvProgram();
    ~YuvProgram();  // the owner must have called destroy() with the context current
    YuvProgram(const YuvProgram&) = delete;
    YuvProgram& operator=(const YuvProgram&) = delete;

    // Compiles and links; false with a readable log() on failure.
    bool create(QOpenGLFunctions_3_3_Core* gl);
    void destroy(QOpenGLFunctions_3_3_Core* gl);
    QString log() const { return m_log; }

    // Binds the program and the VAO; planes are read from texture units 0, 1, 2.
    void bind(QOpenGLFunctions_3_3_Core* gl);
    void release(QOpenGLFunctions_3_3_Core* gl);
    // Per picture: conversion constants (with the chroma plane arrangement) and the chroma/luma coordinate
    // ratio (odd sizes, see .cpp).
    void setConversion(QOpenGLFunctions_3_3_Core* gl, const YuvToRgb& conversion, float chromaScaleX,
                       float chromaScaleY);
    // Per tile: the part of the picture drawn over the viewport, in normalised texture coordinates
    // (x, y, width, height; the digital zoom). The whole picture is (0, 0, 1, 1).
    void setSourceRect(QOpenGLFunctions_3_3_Core* gl, float x, float y, float width, float height);
    // Draws the quad over the current viewport.
    void draw(QOpenGLFunctions_3_3_Core* gl);

private:
    std::unique_ptr<QOpenGLShaderProgram> m_program;
    GLuint m_vao = 0;
    GLuint m_vbo = 0;
    GLint m_matrixLoc = -1;
    GLint m_offsetLoc = -1;
    GLint m_chromaScaleLoc = -1;
    GLint m_interleavedLoc = -1;
    GLint m_sourceRectLoc = -1;
    QString m_log;
};

}  // namespace vigie::widgets
