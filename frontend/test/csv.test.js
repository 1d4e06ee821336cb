import { describe, expect, it } from 'vitest';
import { parseCsv, csvRecords, parseNumberList, stimuliFromCsv } from '../src/researcher/csv.js';

describe('parseCsv', () => {
  it('handles quoted commas, doubled quotes, newlines and CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"\nthere']]);
  });
  it('keeps empty fields and a last line without newline', () => {
    expect(parseCsv('a,,c\n1,2,')).toEqual([['a', '', 'c'], ['1', '2', '']]);
  });
});

describe('parseNumberList', () => {
  it('reads JSON, PostgreSQL and semicolon lists', () => {
    expect(parseNumberList('[0.5,1,2]')).toEqual([0.5, 1, 2]);
    expect(parseNumberList('{0.5,1}')).toEqual([0.5, 1]);
    expect(parseNumberList('1;2')).toEqual([1, 2]);
    expect(parseNumberList('')).toEqual([]);
  });
});

describe('stimuliFromCsv', () => {
  it('groups frames into strips, axes and models in file order', () => {
    const text = 'model_id,space,exploration,distance,image_distance,axis_id,axis_class,rank,eigenvalue,alpha,reference,frame_distances,frame,step,path,sha256,byte_size,url\n'
      + 'demo,z,linear,2.5,mse,demo-z-top-01,top,1,1.5,1.5,0,"[0.2,0,0.2]",0,-2.5,p0,h,1,/stimuli/demo/1/p0\n'
      + 'demo,z,linear,2.5,mse,demo-z-top-01,top,1,1.5,1.5,0,"[0.2,0,0.2]",1,0,p1,h,1,/stimuli/demo/1/p1\n'
      + 'demo,z,linear,2.5,mse,demo-z-top-01,top,1,1.5,1.5,1,"[0.3,0,0.3]",0,-2.5,p2,h,1,/stimuli/demo/1/p2\n'
      + 'demo,z,linear,2.5,mse,demo-z-bottom-01,bottom,1,0.001,,0,"[0,0,0]",0,-2.5,p3,h,1,/stimuli/demo/1/p3\n';
    const [model, ...rest] = stimuliFromCsv(csvRecords(text));
    expect(rest).toEqual([]);
    expect(model).toMatchObject({ id: 'demo', space: 'z', distance: 2.5, imageDistance: 'mse' });
    expect(model.axes.map((a) => [a.id, a.axisClass, a.eigenvalue, a.strips.length])).toEqual([['demo-z-top-01', 'top', 1.5, 2], ['demo-z-bottom-01', 'bottom', 0.001, 1]]);
    expect(model.axes[0].strips[0]).toEqual({ reference: 0, frameDistances: [0.2, 0, 0.2], frames: [{ step: -2.5, url: '/stimuli/demo/1/p0' }, { step: 0, url: '/stimuli/demo/1/p1' }] });
    expect(model.axes[1].alpha).toBeNull();
  });
});
